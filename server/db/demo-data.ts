import { and, eq, ne } from 'drizzle-orm';
import type { Database } from './client.js';
import { asSystem, inWorkspace } from './transaction.js';
import { signUp } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/auth/context.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { memberships, users, workspaces } from '../platform/tenancy/tenancy.tables.js';
import { createContact } from '../modules/customers/index.js';
import { seedOrdersDemo, seedPoolDemo } from '../modules/sales/index.js';
import { seedCasesDemo, seedKnowledgeDemo, seedFieldServiceDemo, seedPortalDemo } from '../modules/service/index.js';
import { uuidv7 } from 'uuidv7';

export const DEMO_LOGIN = { email: 'demo@guanxi.dev', password: 'guanxi-demo' } as const;

const DEMO_MEMBERS = [
  { name: '李娜', email: 'li.na@guanxi.dev', role: 'manager' },
  { name: 'Chen Jie (陈杰)', email: 'chen.jie@guanxi.dev', role: 'sales' },
  { name: 'Emily Watson', email: 'emily.watson@guanxi.dev', role: 'service' },
  { name: '黃志明', email: 'huang.zhiming@guanxi.dev', role: 'marketing' },
] as const;

/** A repair station's technician: signs in to see and update only the Beijing station's work orders. */
export const DEMO_STATION_LOGIN = { email: 'station.beijing@guanxi.dev', name: '刘师傅 Liu (北京朝阳服务站)' } as const;

const DEMO_CONTACTS: [name: string, company: string, title: string, email: string, phone: string][] = [
  ['王伟', '华为技术有限公司', '采购经理', 'wang.wei@example.cn', '+8613800138000'],
  ['张敏', '上海浦东发展银行', '信息部主管', 'zhang.min@example.cn', '+8613912345678'],
  ['刘洋', '比亚迪股份有限公司', '工程师', 'liu.yang@example.cn', '+8618600001111'],
  ['陈静', '美的集团', '市场总监', 'chen.jing@example.cn', '+8613711112222'],
  ['杨帆', '海尔智家', '区域经理', 'yang.fan@example.cn', '+8615022223333'],
  ['赵磊', '京东物流', '运营经理', 'zhao.lei@example.cn', '+8613633334444'],
  ['林美玲', '台積電', '採購專員', 'lin.meiling@example.tw', '+886912345678'],
  ['黃國華', '鴻海精密', '資訊長', 'huang.guohua@example.tw', '+886922333444'],
  ['周杰', '腾讯科技', '产品经理', 'zhou.jie@example.cn', '+8613544445555'],
  ['吴晓明', '阿里巴巴', '技术总监', 'wu.xiaoming@example.cn', '+8613355556666'],
  ['Anna Müller', 'Siemens AG', 'Head of Procurement', 'anna.mueller@example.de', '+4915112345678'],
  ['John Smith', 'Acme Corporation', 'CTO', 'john.smith@example.com', '+14155550123'],
  ['Maria Garcia', 'Telefónica', 'Account Director', 'maria.garcia@example.es', '+34612345678'],
  ['David Lee', 'DBS Bank', 'VP Operations', 'david.lee@example.sg', '+6591234567'],
  ['Sophie Martin', 'Carrefour', 'Buyer', 'sophie.martin@example.fr', '+33612345678'],
  ['孙丽', '', '个人客户', 'sun.li@example.cn', '+8613966667777'],
];

/** Whether any workspace exists (first start creates the demo). */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await asSystem(database.db, (tx) => tx.select({ id: workspaces.id }).from(workspaces).limit(1));
  return rows.length === 0;
}

/**
 * Creates the demo workspace: an admin (DEMO_LOGIN), four colleagues in the other roles, and bilingual
 * contacts spread over the sales people. Idempotent per e-mail: does nothing if the demo admin exists.
 */
export async function seedDemo(database: Database): Promise<{ workspaceId: string } | null> {
  const existing = await asSystem(database.db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email)));
  if (existing.length) return null;
  const { userId, workspaceId, stationUserId } = await asSystem(database.db, async (tx) => {
    const ids = await signUp(tx, { workspaceName: '关系演示公司 Guanxi Demo', name: '管理员 Admin', email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, locale: 'zh-CN' });
    const passwordHash = await hashPassword(DEMO_LOGIN.password);
    for (const member of DEMO_MEMBERS) {
      const id = uuidv7();
      await tx.insert(users).values({ id, email: member.email, name: member.name, passwordHash });
      await tx.insert(memberships).values({ workspaceId: ids.workspaceId, userId: id, role: member.role });
    }
    const stationUserId = uuidv7();
    await tx.insert(users).values({ id: stationUserId, email: DEMO_STATION_LOGIN.email, name: DEMO_STATION_LOGIN.name, passwordHash });
    await tx.insert(memberships).values({ workspaceId: ids.workspaceId, userId: stationUserId, role: 'station' });
    return { ...ids, stationUserId };
  });
  const ctx: RequestContext = { workspaceId, userId, apiKeyId: null, role: 'admin', teamId: null, locale: 'zh-CN', timeZone: 'Asia/Shanghai', country: 'CN' };
  await inWorkspace(database.db, workspaceId, async (tx) => {
    const owners = await tx.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), ne(memberships.role, 'station')));
    for (const [i, [name, company, title, email, phone]] of DEMO_CONTACTS.entries()) {
      await createContact(tx, ctx, { name, company, title, email, phone, ownerId: owners[i % owners.length]!.id });
    }
    await seedPoolDemo(tx, ctx);
    await seedOrdersDemo(tx, ctx);
    await seedKnowledgeDemo(tx, ctx);
    await seedFieldServiceDemo(tx, ctx, stationUserId);
    await seedCasesDemo(tx, ctx);
    await seedPortalDemo(tx, ctx);
  });
  return { workspaceId };
}
