/**
 * The generated sales workspace the sales and reports benches share: a workspace, 20 sellers under 4 managers
 * (regional teams), and `deals` opportunities in the default pipeline over the last year, `open` of them open.
 */
import type { Database, Tx } from '../server/db/client.js';
import { asSystem, inWorkspace } from '../server/db/transaction.js';
import { signUp } from '../server/platform/auth/auth.service.js';
import type { RequestContext } from '../server/platform/auth/context.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import { importMembers } from '../server/platform/tenancy/members-import.service.js';
import { listPipelines, type PipelineWithStages } from '../server/modules/sales/index.js';
import { elapsed } from './pg-people.js';

export interface DealsWorkspace {
  workspaceId: string;
  /** The workspace's admin. */
  ctx: RequestContext;
  run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  pipeline: PipelineWithStages;
  stages: PipelineWithStages['stages'];
  /** Milliseconds the deals took to generate. */
  loadMs: number;
}

export async function dealsWorkspace(database: Database, deals: number, openDeals: number): Promise<DealsWorkspace> {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const { workspaceId, userId } = await asSystem(database.db, (tx) => signUp(tx, { workspaceName: 'Bench 销售', name: 'Bench 管理员', email: `sales.${stamp}@bench.guanxi.dev`, password: `bench password ${stamp}` }));
  const ctx = (await contextOfMember(database, workspaceId, userId))!;
  const run = <T>(fn: (tx: Tx) => Promise<T>) => inWorkspace(database.db, workspaceId, fn);
  // 20 sellers under 4 managers.
  const rows = Array.from({ length: 20 }, (_, i) => [`Seller ${i}`, `Manager ${i % 4}`, ['East', 'West', 'North', 'South'][i % 4]!]);
  await asSystem(database.db, (tx) => importMembers(tx, ctx, { headers: ['sales_agent', 'manager', 'regional_office'], rows }, `bench-${stamp}.example`));
  const [pipeline] = await run((tx) => listPipelines(tx, ctx));
  const stages = pipeline!.stages;
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const won = stages.find((s) => s.kind === 'won')!.id;
  const lost = stages.find((s) => s.kind === 'lost')!.id;
  // Generated in SQL (the product's write path is measured elsewhere): open deals spread over the open
  // stages, closed ones won or lost over the last year; amounts 1,000–100,000 yuan.
  const [, loadMs] = await elapsed(() =>
    database.raw.query(
      `insert into opportunities (workspace_id, id, name, pipeline_id, stage_id, status, amount, currency, close_date, probability, forecast_category, owner_id, created_at, stage_entered_at, closed_at)
       select $1, gen_random_uuid(), 'Deal ' || g, $2,
              case when g <= $4 then ($5::uuid[])[1 + g % 4] when g % 3 = 0 then $7::uuid else $6::uuid end,
              case when g <= $4 then 'open' when g % 3 = 0 then 'lost' else 'won' end,
              100000 + (g::bigint * 7919) % 9900000, 'CNY',
              (current_date - (g % 365)) ::date + case when g <= $4 then 400 else 0 end,
              case when g <= $4 then (array[10, 25, 50, 75])[1 + g % 4] when g % 3 = 0 then 0 else 100 end,
              case when g <= $4 then (array['pipeline', 'pipeline', 'best_case', 'commit'])[1 + g % 4] when g % 3 = 0 then 'omitted' else 'closed' end,
              (select user_id from memberships where workspace_id = $1 order by user_id offset (g % 21) limit 1),
              now() - ((g % 365) || ' days')::interval - interval '30 days', now() - ((g % 365) || ' days')::interval,
              case when g <= $4 then null else now() - ((g % 365) || ' days')::interval end
         from generate_series(1, $3::int) g`,
      [workspaceId, pipeline!.id, deals, openDeals, `{${open.join(',')}}`, won, lost],
    ),
  );
  await database.raw.exec('analyze opportunities; analyze memberships; analyze teams');
  return { workspaceId, ctx, run, pipeline: pipeline!, stages, loadMs };
}
