import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { createProduct } from '../catalog/index.js';
import { createAccount } from '../customers/index.js';
import { changeOrderStatus, createOrder } from './orders.service.js';

const PRODUCTS: [sku: string, name: string, warrantyMonths: number | null, unitPrice: number][] = [
  ['GX-ROUTER-AX6', '企业级无线路由器 AX6', 24, 129900],
  ['GX-SWITCH-24', '24 口千兆交换机', 36, 259900],
  ['GX-INSTALL', '上门安装调试服务', null, 50000],
  ['GX-AP-CEIL', '吸顶式无线 AP', 24, 89900],
];

/** The demo workspace's orders: network gear in the catalog (list prices in CNY), a customer that bought some (one fulfilled order, one confirmed) and a draft in the making. */
export async function seedOrdersDemo(tx: Executor, ctx: RequestContext): Promise<void> {
  const ids: string[] = [];
  for (const [sku, name, warrantyMonths, unitPrice] of PRODUCTS) ids.push((await createProduct(tx, ctx, { sku, name, warrantyMonths, unit: '台', listPrices: [{ currency: 'CNY', unitPrice }] })).id);
  const account = await createAccount(tx, ctx, { name: '深圳星河网络科技有限公司', type: 'customer', industry: '软件', region: '广东' });
  const line = (i: number, quantity: number) => ({ productId: ids[i]!, quantity, unitPrice: PRODUCTS[i]![3] });
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const first = await createOrder(tx, ctx, { accountId: account.id, orderedAt: daysAgo(200), status: 'confirmed', lines: [line(0, 10), line(2, 1)], notes: '总部办公室网络改造' });
  await changeOrderStatus(tx, ctx, first.id, 'fulfilled');
  await createOrder(tx, ctx, { accountId: account.id, orderedAt: daysAgo(20), status: 'confirmed', lines: [line(1, 4)] });
  await createOrder(tx, ctx, { accountId: account.id, lines: [line(0, 2), line(2, 1)], notes: '分公司扩容，待客户确认' });
}
