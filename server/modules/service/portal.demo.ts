import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { productsBySkus } from '../catalog/index.js';
import { findContactsByEmail } from '../customers/index.js';
import { changeOrderStatus, createOrder } from '../sales/index.js';
import { givePortalAccount, updatePortalSettings } from './portal.service.js';

/** The demo customer who signs in to the portal (docs/service.md, README). */
export const DEMO_PORTAL = { key: 'guanxi-demo', email: 'wang.wei@example.cn', password: 'portal-demo' } as const;

/**
 * The demo's customer portal: open at /portal/guanxi-demo in a teal brand colour, and 王伟 — who already has
 * cases from the service demo — with a password and the gear he bought: a router and access points still under
 * warranty, a switch whose warranty ran out. Runs after the orders and cases demos.
 */
export async function seedPortalDemo(tx: Executor, ctx: RequestContext): Promise<void> {
  await updatePortalSettings(tx, ctx, { enabled: true, portalKey: DEMO_PORTAL.key, color: '#0e7490', welcomeText: '欢迎使用关系演示公司客户服务中心：查看订单与保修，提交维修申请，查阅常见问题。' });
  const wang = (await findContactsByEmail(tx, ctx, [DEMO_PORTAL.email])).get(DEMO_PORTAL.email);
  if (!wang) return;
  await givePortalAccount(tx, ctx, wang, DEMO_PORTAL.password);
  const products = await productsBySkus(tx, ctx, ['GX-ROUTER-AX6', 'GX-AP-CEIL', 'GX-SWITCH-24']);
  const id = (sku: string) => products.find((p) => p.sku === sku)?.id;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const [router, ap, sw] = [id('GX-ROUTER-AX6'), id('GX-AP-CEIL'), id('GX-SWITCH-24')];
  if (!router || !ap || !sw) return;
  const recent = await createOrder(tx, ctx, { contactId: wang.id, orderedAt: daysAgo(120), status: 'confirmed', lines: [{ productId: router, quantity: 1 }, { productId: ap, quantity: 2 }], notes: '家庭办公网络' });
  await changeOrderStatus(tx, ctx, recent.id, 'fulfilled');
  const old = await createOrder(tx, ctx, { contactId: wang.id, orderedAt: daysAgo(1200), status: 'confirmed', lines: [{ productId: sw, quantity: 1 }] });
  await changeOrderStatus(tx, ctx, old.id, 'fulfilled');
}
