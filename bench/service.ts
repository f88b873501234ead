/**
 * `npm run bench:service`: the case queue and field dispatch at size (DATABASE_URL's server, else the embedded
 * database in memory). Not a test: each read goes through the product's service function, as a service agent in
 * a workspace transaction, beside the bare SQL of the same query.
 *
 *  - BENCH_CASES cases (1,000,000) created over two years in SQL batches: ~96 % resolved or closed, the rest
 *    new, open or pending (mostly the last month's), in 8 queues (5 % of the open ones in no queue), 40 agents
 *    (each in two queues; 30 % of open cases unassigned), 5 types, 6 channels, 4 priorities, BENCH_CONTACTS
 *    (20,000) generated contacts, skewed towards regular customers.
 *  - BENCH_STATIONS service stations (10,000) in 31 provinces with map points, the products or categories they
 *    repair (or none: generalists), ratings, capacities, and 300,000 work orders of which ~10 % open.
 *  - Reads (BENCH_QUERIES times, p50/p95): a queue's open cases newest first, its first page and a page 90 %
 *    deep (keyset cursor); "my open cases"; a filtered list (urgent open phone cases); a contact's open cases;
 *    dispatch candidates of a repair work order over every station, and a dispatch (rolled back).
 */
import type { Tx } from '../server/db/client.js';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { asSystem, inWorkspace } from '../server/db/transaction.js';
import { signUp } from '../server/platform/auth/auth.service.js';
import { contextOfMember } from '../server/platform/auth/context-loader.js';
import { importMembers } from '../server/platform/tenancy/members-import.service.js';
import { listCases, listCaseTypes } from '../server/modules/service/cases.service.js';
import { dispatchCandidates, dispatchWorkOrder } from '../server/modules/service/dispatch.service.js';
import { generateContacts } from './generate.js';
import { elapsed, ms, percentile, table } from './pg-people.js';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 20_000);
const STATIONS = Number(process.env.BENCH_STATIONS ?? 10_000);
const WORK_ORDERS = Number(process.env.BENCH_WORK_ORDERS ?? 300_000);
const READS = Number(process.env.BENCH_QUERIES ?? 30);
const BATCH = 100_000;
const ACTIVE = 'new|open|pending_customer';
const PROVINCES: [string, number, number][] = [
  ['北京', 39.9, 116.4], ['天津', 39.1, 117.2], ['河北', 38.0, 114.5], ['山西', 37.9, 112.5], ['内蒙古', 40.8, 111.7], ['辽宁', 41.8, 123.4], ['吉林', 43.9, 125.3],
  ['黑龙江', 45.8, 126.5], ['上海', 31.2, 121.5], ['江苏', 32.1, 118.8], ['浙江', 30.3, 120.2], ['安徽', 31.9, 117.3], ['福建', 26.1, 119.3], ['江西', 28.7, 115.9],
  ['山东', 36.7, 117.0], ['河南', 34.8, 113.7], ['湖北', 30.6, 114.3], ['湖南', 28.2, 113.0], ['广东', 23.1, 113.3], ['广西', 22.8, 108.3], ['海南', 20.0, 110.3],
  ['重庆', 29.6, 106.5], ['四川', 30.7, 104.1], ['贵州', 26.6, 106.7], ['云南', 25.0, 102.7], ['西藏', 29.7, 91.1], ['陕西', 34.3, 108.9], ['甘肃', 36.1, 103.8],
  ['青海', 36.6, 101.8], ['宁夏', 38.5, 106.3], ['新疆', 43.8, 87.6],
];

async function main(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const q = <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => database.raw.query<R>(text, params);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const { workspaceId, userId } = await asSystem(database.db, (tx) => signUp(tx, { workspaceName: 'Bench 服务', name: 'Bench 管理员', email: `service.${stamp}@bench.guanxi.dev`, password: `bench password ${stamp}` }));
  const admin = (await contextOfMember(database, workspaceId, userId))!;
  const run = <T>(fn: (tx: Tx) => Promise<T>) => inWorkspace(database.db, workspaceId, fn);

  // ——— generation (straight SQL: the product's write path is not what this bench measures) ———
  const started = performance.now();
  // 40 agents (imported as sellers under 4 managers, then made service agents), each in two of 8 queues.
  await asSystem(database.db, (tx) =>
    importMembers(tx, admin, { headers: ['sales_agent', 'manager', 'regional_office'], rows: Array.from({ length: 40 }, (_, i) => [`Agent ${i}`, `Lead ${i % 4}`, ['East', 'West', 'North', 'South'][i % 4]!]) }, `svc-${stamp}.example`),
  );
  await q(`update memberships set role = 'service' where workspace_id = $1 and role = 'sales'`, [workspaceId]);
  const agents = (await q<{ id: string }>(`select user_id as id from memberships where workspace_id = $1 and role = 'service' order by user_id`, [workspaceId])).rows.map((r) => r.id);
  const queues = (
    await q<{ id: string }>(`insert into case_queues (workspace_id, id, name) select $1, gen_random_uuid(), 'Queue ' || k from generate_series(0, 7) k returning id`, [workspaceId])
  ).rows.map((r) => r.id);
  // Agent i works queues i % 8 and (i + 1) % 8: each queue has 10 agents.
  await q(
    `insert into case_queue_members (workspace_id, queue_id, user_id)
     select $1, ($2::uuid[])[1 + (i + d) % 8], ($3::uuid[])[1 + i] from generate_series(0, 39) i, generate_series(0, 1) d`,
    [workspaceId, `{${queues}}`, `{${agents}}`],
  );
  const types = await run((tx) => listCaseTypes(tx, admin));
  const typeIds = ['inquiry', 'repair', 'complaint', 'pre_sales', 'other'].map((key) => types.find((t) => t.key === key)!.id);
  await generateContacts(database, workspaceId, CONTACTS);
  const contacts = (await q<{ id: string }>(`select id from contacts where workspace_id = $1 order by id`, [workspaceId])).rows.map((r) => r.id);
  const categories = (
    await q<{ id: string }>(`insert into product_categories (workspace_id, id, name) select $1, gen_random_uuid(), 'Line ' || k from generate_series(1, 20) k returning id`, [workspaceId])
  ).rows.map((r) => r.id);
  const products = (
    await q<{ id: string }>(
      `insert into products (workspace_id, id, sku, name, category_id) select $1, gen_random_uuid(), 'SKU-' || k, 'Product ' || k, ($2::uuid[])[1 + k % 20] from generate_series(1, 400) k returning id`,
      [workspaceId, `{${categories}}`],
    )
  ).rows.map((r) => r.id);

  // Cases, oldest first (numbers follow creation). Age decides the status: 40 % of the last 30 days' cases are
  // still being worked, 1.5 % of older ones (stuck); queue, owner and contact skewed.
  for (let lo = 1; lo <= CASES; lo += BATCH) {
    const hi = Math.min(CASES, lo + BATCH - 1);
    await q(
      `insert into cases (workspace_id, id, number, subject, type_id, channel, priority, status, queue_id, contact_id, product_id, owner_id,
                          first_response_at, resolved_at, closed_at, created_at, updated_at)
       select $1, gen_random_uuid(), g, 'Case ' || g, ($5::uuid[])[1 + width_bucket(r1, array[0.4, 0.65, 0.8, 0.9]::float8[])],
              (array['phone', 'email', 'wechat', 'web', 'portal', 'walk_in'])[1 + width_bucket(r2, array[0.35, 0.65, 0.8, 0.9, 0.97]::float8[])],
              (array['low', 'normal', 'high', 'urgent'])[1 + width_bucket(r3, array[0.15, 0.75, 0.95]::float8[])],
              status, case when active and r4 < 0.05 then null else queue end,
              ($6::uuid[])[1 + floor(power(r5, 2) * $7)::int],
              case when r1 between 0.4 and 0.65 then ($8::uuid[])[1 + floor(r6 * 400)::int] end,
              case when active and r6 < 0.3 then null else ($9::uuid[])[1 + ((queue_no + 8 * floor(r6 * 5)::int + 40 - floor(r7 * 2)::int) % 40)] end,
              case when status <> 'new' then created + interval '2 hours' end,
              case when status in ('resolved', 'closed') then created + interval '2 days' end,
              case when status = 'closed' then created + interval '9 days' end,
              created, created
         from (select g, r1, r2, r3, r4, r5, r6, r7, created, queue_no, ($4::uuid[])[1 + queue_no] as queue, active,
                      case when active then (array['new', 'open', 'pending_customer'])[1 + width_bucket(r8, array[0.2, 0.75]::float8[])]
                           when r8 < 0.04 then 'resolved' else 'closed' end as status
                 from (select g, r1, r2, r3, r4, r5, r6, r7, r8, created, floor(power(r9, 1.5) * 8)::int as queue_no,
                              r10 < case when created > now() - interval '30 days' then 0.4 else 0.015 end as active
                         from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10,
                                      now() - ($3::int - g) * (interval '730 days' / $3::int) - random() * interval '1 hour' as created
                                 from generate_series($2::int, $10::int) g) s) t) u`,
      [workspaceId, lo, CASES, `{${queues}}`, `{${typeIds}}`, `{${contacts}}`, contacts.length, `{${products}}`, `{${agents}}`, hi],
    );
  }
  await q(`insert into service_settings (workspace_id, last_number) values ($1, $2)`, [workspaceId, CASES]);

  // Stations round the provinces' capitals (±1.5°): 60 % repair 1–5 products, 25 % 1–2 product lines, 15 % anything.
  await q(
    `insert into service_stations (workspace_id, id, name, province, city, latitude, longitude, product_ids, category_ids, capacity, active, rating_sum, rating_count)
     select $1, gen_random_uuid(), 'Station ' || k, p.name, p.name || ' ' || (k % 12), p.lat + (random() * 3 - 1.5), p.lng + (random() * 3 - 1.5),
            case when r < 0.6 then array(select ($3::uuid[])[1 + floor(random() * 400 + k * 0)::int] from generate_series(1, 1 + k % 5)) else '{}' end,
            case when r between 0.6 and 0.85 then array(select ($4::uuid[])[1 + floor(random() * 20 + k * 0)::int] from generate_series(1, 1 + k % 2)) else '{}' end,
            5 + k % 26, random() < 0.95, rc * (3 + random() * 2), rc
       from (select k, random() r, floor(random() * 200)::int rc, ($5::text[])[1 + k % 31] as province from generate_series(1, $2::int) k) s
       join (select * from unnest($5::text[], $6::float8[], $7::float8[]) as x(name, lat, lng)) p on p.name = s.province`,
    [workspaceId, STATIONS, `{${products}}`, `{${categories}}`, `{${PROVINCES.map((p) => p[0])}}`, `{${PROVINCES.map((p) => p[1])}}`, `{${PROVINCES.map((p) => p[2])}}`],
  );
  const stations = (await q<{ id: string }>(`select id from service_stations where workspace_id = $1 order by id`, [workspaceId])).rows.map((r) => r.id);
  await q(
    `insert into work_orders (workspace_id, id, number, case_id, product_id, status, province, station_id, created_at)
     select $1, gen_random_uuid(), k, gen_random_uuid(), ($3::uuid[])[1 + floor(random() * 400)::int],
            case when r < 0.1 then (array['dispatched', 'accepted', 'on_site'])[1 + k % 3] when r < 0.97 then 'done' else 'cancelled' end,
            '北京', ($4::uuid[])[1 + floor(random() * $5)::int], now() - random() * interval '730 days'
       from (select k, random() r from generate_series(1, $2::int) k) s`,
    [workspaceId, WORK_ORDERS, `{${products}}`, `{${stations}}`, stations.length],
  );
  // The order to dispatch: a new repair order in Hangzhou, on an open repair case of the agent.
  const [agentCase] = (
    await q<{ id: string; owner_id: string; product_id: string }>(
      `select id, owner_id, product_id from cases where workspace_id = $1 and status = 'open' and owner_id is not null and product_id is not null order by created_at desc limit 1`,
      [workspaceId],
    )
  ).rows;
  const [order] = (
    await q<{ id: string }>(
      `insert into work_orders (workspace_id, id, number, case_id, product_id, owner_id, status, province, city, latitude, longitude, problem)
       values ($1, gen_random_uuid(), $2, $3, $4, $5, 'new', '浙江', '浙江 3', 30.27, 120.15, 'Does not start') returning id`,
      [workspaceId, WORK_ORDERS + 1, agentCase!.id, agentCase!.product_id, agentCase!.owner_id],
    )
  ).rows;
  await q(`insert into field_service_settings (workspace_id, last_number) values ($1, $2) on conflict (workspace_id) do update set last_number = excluded.last_number`, [workspaceId, WORK_ORDERS + 1]);
  await database.raw.exec('analyze cases; analyze contacts; analyze service_stations; analyze work_orders; analyze case_queue_members; analyze memberships');
  const loadMs = performance.now() - started;

  try {
    const agentId = agentCase!.owner_id;
    const agent = (await contextOfMember(database, workspaceId, agentId))!;
    const [queueId] = (await q<{ queue_id: string }>(`select queue_id from case_queue_members where workspace_id = $1 and user_id = $2 order by queue_id limit 1`, [workspaceId, agentId])).rows.map((r) => r.queue_id);
    const [{ active, inQueue, mine }] = (
      await q<{ active: number; inQueue: number; mine: number }>(
        `select count(*) filter (where status in ('new', 'open', 'pending_customer'))::int as active,
                count(*) filter (where status in ('new', 'open', 'pending_customer') and queue_id = $2)::int as "inQueue",
                count(*) filter (where status in ('new', 'open', 'pending_customer') and owner_id = $3)::int as mine
           from cases where workspace_id = $1`,
        [workspaceId, queueId, agentId],
      )
    ).rows as [{ active: number; inQueue: number; mine: number }];
    const busiest = (await q<{ contact_id: string }>(`select contact_id from cases where workspace_id = $1 group by 1 order by count(*) desc limit 1`, [workspaceId])).rows[0]!.contact_id;

    const measure = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await fn();
      const times: number[] = [];
      for (let i = 0; i < READS; i++) times.push((await elapsed(fn))[1]);
      return `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} ms`;
    };
    const list = (filter: string[], cursor?: string) => run((tx) => listCases(tx, agent, { filter, cursor, limit: 50 }));
    // The agent's scope as the product adds it (own, unqueued, or in one of their queues).
    const scope = `(owner_id = $2 or queue_id is null or queue_id in (select queue_id from case_queue_members where workspace_id = $1 and user_id = $2))`;
    const raw = (where: string, params: unknown[], keyset = '') =>
      measure(() => q(`select * from cases where workspace_id = $1 and deleted_at is null and ${scope} and ${where} ${keyset} order by created_at desc, id desc limit 51`, [workspaceId, agentId, ...params]));

    // Walk the queue to 90 % of its pages, for the deep page's cursor (and the walk's own figure).
    const queueFilter = [`queueId:eq:${queueId}`, `status:in:${ACTIVE}`];
    const pages: number[] = [];
    const cursors: (string | undefined)[] = [undefined];
    for (let cursor: string | undefined; ; ) {
      const [page, t] = await elapsed(() => list(queueFilter, cursor));
      pages.push(t);
      if (!page.nextCursor) break;
      cursors.push((cursor = page.nextCursor));
    }
    const deepCursor = cursors[Math.floor(cursors.length * 0.9)]!;
    const [deepAt, deepId] = JSON.parse(Buffer.from(deepCursor ?? '', 'base64url').toString() || '[null, null]') as [string, string];
    const keyset = `and (created_at, id) < ($ITS::timestamptz, $ID::uuid)`;
    const active$ = `status in ('new', 'open', 'pending_customer')`;

    const rows = [
      [`a queue's open cases (${inQueue.toLocaleString('en')}), newest first: first page of 50`, await measure(() => list(queueFilter)), await raw(`queue_id = $3 and ${active$}`, [queueId])],
      [
        `the same, page ${Math.floor(cursors.length * 0.9) + 1} of ${cursors.length} (keyset cursor)`,
        await measure(() => list(queueFilter, deepCursor)),
        await raw(`queue_id = $3 and ${active$}`, [queueId, deepAt, deepId], keyset.replace('$ITS', '$4').replace('$ID', '$5')),
      ],
      [`walking every page of that queue (${cursors.length} pages), per page`, `${ms(percentile(pages, 50))} / ${ms(percentile(pages, 95))} ms`, ''],
      [`my open cases (${mine})`, await measure(() => list([`ownerId:eq:${agentId}`, `status:in:${ACTIVE}`])), await raw(`owner_id = $2 and ${active$}`, [])],
      ['open urgent phone cases (filtered list)', await measure(() => list([`status:in:${ACTIVE}`, 'priority:eq:urgent', 'channel:eq:phone'])), await raw(`${active$} and priority = 'urgent' and channel = 'phone'`, [])],
      ["the busiest contact's open cases (agent console)", await measure(() => list([`contactId:eq:${busiest}`, `status:in:${ACTIVE}`])), await raw(`contact_id = $3 and ${active$}`, [busiest])],
      ['all cases newest first (the default /cases page)', await measure(() => list([])), await raw('true', [])],
    ];

    // Dispatch: candidates of the order over every station; a dispatch to the best one, rolled back.
    const rolledBack = new Error('rollback');
    const [candidates] = await elapsed(() => run((tx) => dispatchCandidates(tx, agent, order!.id)));
    const dispatchOnce = () => run((tx) => dispatchWorkOrder(tx, agent, order!.id, {}).then(() => Promise.reject(rolledBack))).catch((e: unknown) => (e === rolledBack ? undefined : Promise.reject(e)));
    const eventBytes = JSON.stringify(candidates.candidates.map((c) => ({ stationId: c.stationId, score: c.score, eligible: c.eligible }))).length;
    rows.push(
      [
        `dispatch candidates of a repair order over ${STATIONS.toLocaleString('en')} stations (${candidates.candidates.length.toLocaleString('en')} answered, ${(JSON.stringify(candidates.candidates).length / 1024).toFixed(0)} KiB)`,
        await measure(() => run((tx) => dispatchCandidates(tx, agent, order!.id))),
        `stations + open loads: ${await measure(() =>
          Promise.all([
            q(`select * from service_stations where workspace_id = $1`, [workspaceId]),
            q(`select station_id, count(*) from work_orders where workspace_id = $1 and status in ('dispatched', 'accepted', 'on_site') group by 1`, [workspaceId]),
          ]),
        )}`,
      ],
      [`dispatch to the best station (rolled back; history detail ${(eventBytes / 1024).toFixed(0)} KiB)`, await measure(dispatchOnce), ''],
    );
    table(
      `Service over ${CASES.toLocaleString('en')} cases (${active.toLocaleString('en')} being worked), ${STATIONS.toLocaleString('en')} stations, ${WORK_ORDERS.toLocaleString('en')} work orders (${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}; generated in ${(loadMs / 1000).toFixed(1)} s); as a service agent`,
      ['read (p50 / p95)', 'product', 'raw SQL'],
      rows,
    );
    if (process.env.BENCH_EXPLAIN === '1') {
      for (const [what, text, params] of [
        ['queue first page', `select * from cases where workspace_id = $1 and deleted_at is null and ${scope} and queue_id = $3 and ${active$} order by created_at desc, id desc limit 51`, [workspaceId, agentId, queueId]],
        ['my open cases', `select * from cases where workspace_id = $1 and deleted_at is null and ${scope} and owner_id = $2 and ${active$} order by created_at desc, id desc limit 51`, [workspaceId, agentId]],
      ] as [string, string, unknown[]][]) {
        const plan = await q<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
        console.log(`\n${what}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
