import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { memberships, users } from '../../platform/tenancy/tenancy.tables.js';
import { findContactsByEmail } from '../customers/index.js';
import { addCaseMessage, createCases } from './case-work.service.js';
import { changeCaseStatus, listCaseTypes } from './cases.service.js';
import { createQueue, createRoutingRule, updateAgent } from './service-config.service.js';

/**
 * The demo's service desk: an after-sales queue with the service agent and the admin, a rule sending
 * repairs there, and a few cases — two requests of one customer opened together, one waiting for the
 * customer after a reply, one resolved.
 */
export async function seedCasesDemo(tx: Executor, ctx: RequestContext): Promise<void> {
  const [agent] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, ctx.workspaceId)))
    .where(eq(memberships.role, 'service'));
  const types = await listCaseTypes(tx, ctx);
  const type = (key: string) => types.find((x) => x.key === key)?.id ?? null;
  const queue = await createQueue(tx, ctx, { name: '售后服务组', skills: ['repair'], memberIds: [ctx.userId!, ...(agent ? [agent.id] : [])] });
  await createRoutingRule(tx, ctx, { name: '维修和投诉', queueId: queue.id, conditions: { typeIds: [type('repair'), type('complaint')].filter((id): id is string => id !== null) } });
  if (agent) await updateAgent(tx, ctx, agent.id, { skills: ['repair', 'router', 'en'] });
  await updateAgent(tx, ctx, ctx.userId!, { skills: ['repair', 'zh-cn'] });

  const contacts = await findContactsByEmail(tx, ctx, ['wang.wei@example.cn', 'zhang.min@example.cn', 'john.smith@example.com']);
  const wang = contacts.get('wang.wei@example.cn');
  const zhang = contacts.get('zhang.min@example.cn');
  const john = contacts.get('john.smith@example.com');
  if (wang) {
    await createCases(tx, ctx, {
      contactId: wang.id,
      channel: 'phone',
      language: 'zh-CN',
      assign: true,
      cases: [
        { subject: '路由器频繁断线', typeId: type('repair'), priority: 'high', description: '上周购买的企业路由器每天断线两三次。' },
        { subject: '咨询延保价格', typeId: type('inquiry'), priority: 'low' },
      ],
    });
  }
  if (zhang) {
    const [complaint] = await createCases(tx, ctx, { contactId: zhang.id, channel: 'wechat', language: 'zh-CN', assign: true, cases: [{ subject: '安装师傅迟到两小时', typeId: type('complaint') }] });
    await addCaseMessage(tx, ctx, complaint!.id, { kind: 'note', body: '客户是银行大客户，需主管跟进。' });
    await addCaseMessage(tx, ctx, complaint!.id, { kind: 'reply', body: '张女士您好，非常抱歉，我们已核实情况，请问周四上午方便回访吗？' });
    await changeCaseStatus(tx, ctx, complaint!.id, 'pending_customer');
  }
  if (john) {
    const [question] = await createCases(tx, ctx, { contactId: john.id, channel: 'email', language: 'en', cases: [{ subject: 'Invoice address change', typeId: type('inquiry') }] });
    await changeCaseStatus(tx, ctx, question!.id, 'resolved');
  }
}
