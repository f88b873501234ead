import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { createAccount } from '../customers/index.js';
import { createLead } from './leads.service.js';
import { releaseRecords } from './pool-claims.service.js';
import { createPool, setRoleLimits } from './pools.service.js';

const POOLED_ACCOUNTS: [name: string, industry: string, region: string][] = [
  ['苏州工业园区智造有限公司', '制造业', '江苏'],
  ['杭州云栖数据科技有限公司', '软件', '浙江'],
  ['南京金陵物流集团', '物流', '江苏'],
  ['上海申江医疗器械有限公司', '医疗', '上海'],
  ['宁波港城贸易有限公司', '贸易', '浙江'],
];
const POOLED_LEADS: [name: string, company: string][] = [
  ['钱多多', '无锡新能源电池有限公司'],
  ['孙悦', '合肥智慧家居科技'],
];

/** The demo workspace's public pools: East China accounts and a lead pool with return rules, sales limits, and a few records waiting. */
export async function seedPoolDemo(tx: Executor, ctx: RequestContext): Promise<void> {
  const accounts = await createPool(tx, ctx, { name: '华东公海', recordType: 'account', followUpDays: 30, convertDays: 90, warnDays: 5, cooldownDays: 7 });
  const leads = await createPool(tx, ctx, { name: '线索公海', recordType: 'lead', followUpDays: 14, warnDays: 3, position: 1 });
  await setRoleLimits(tx, ctx, [{ role: 'sales', maxHeld: 50, maxDailyClaims: 10 }]);
  const accountIds = [];
  for (const [name, industry, region] of POOLED_ACCOUNTS) accountIds.push((await createAccount(tx, ctx, { name, industry, region, source: '展会', ownerId: null })).id);
  await releaseRecords(tx, ctx, { recordType: 'account', recordIds: accountIds, poolId: accounts.id, reason: '展会名单，待分配' });
  const leadIds = [];
  for (const [name, company] of POOLED_LEADS) leadIds.push((await createLead(tx, ctx, { name, company, source: '官网', ownerId: null })).id);
  await releaseRecords(tx, ctx, { recordType: 'lead', recordIds: leadIds, poolId: leads.id, reason: '官网线索，待分配' });
}
