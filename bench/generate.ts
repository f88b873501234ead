/**
 * Bench data: inserts N contacts into one workspace, 1000 rows per INSERT, straight through SQL (no audit
 * rows, no services: this makes volume, it does not test the write path).
 *
 *   BENCH_CONTACTS=100000 GUANXI_DATA_DIR=./data node --import tsx bench/generate.ts [--workspace ID]
 *
 * Without --workspace the demo workspace is used. Also imported by bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DEMO_LOGIN } from '../server/db/demo-data.js';
import { runMigrations } from '../server/db/migrate.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '志强', '美玲', '国华', '晓明', '丽'];
const LATIN = ['Anna Müller', 'John Smith', 'Maria Garcia', 'David Lee', 'Sophie Martin', 'Wei Zhang', 'Emily Watson', 'Kenji Sato'];
/** 20 companies: a `contains` filter on one of them matches about 1 row in 20. */
export const COMPANIES = [
  '华为技术有限公司', '上海浦东发展银行', '比亚迪股份有限公司', '美的集团', '海尔智家', '京东物流', '台積電', '鴻海精密', '腾讯科技', '阿里巴巴',
  'Siemens AG', 'Acme Corporation', 'Telefónica', 'DBS Bank', 'Carrefour', '中国平安', '小米科技', '字节跳动', '网易', '联想集团',
];
const BATCH = 1000;
const TWO_YEARS_MS = 730 * 24 * 3600 * 1000;

/** The demo workspace's id, or null when there is none. */
export async function demoWorkspaceId(database: Database): Promise<string | null> {
  const { rows } = await database.raw.query<{ id: string }>(
    `select m.workspace_id as id from memberships m join users u on u.id = m.user_id where u.email = $1 and m.role = 'admin' limit 1`,
    [DEMO_LOGIN.email],
  );
  return rows[0]?.id ?? null;
}

/**
 * Inserts `count` contacts into `workspaceId`, owned round-robin by its members, created over the last
 * two years. Returns the elapsed milliseconds.
 */
export async function generateContacts(database: Database, workspaceId: string, count: number, onBatch: (done: number) => void = () => undefined): Promise<number> {
  const started = performance.now();
  const { rows: members } = await database.raw.query<{ id: string }>('select user_id as id from memberships where workspace_id = $1 order by user_id', [workspaceId]);
  if (!members.length) throw new Error(`workspace ${workspaceId} has no members`);
  const now = Date.now();
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); // reproducible data
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const cols = { id: [] as string[], name: [] as string[], company: [] as (string | null)[], email: [] as string[], phone: [] as string[], owner: [] as string[], created: [] as string[] };
    for (let i = 0; i < n; i += 1) {
      const k = done + i;
      const latin = random() < 0.15;
      const name = latin ? `${LATIN[k % LATIN.length]} ${k}` : `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      cols.id.push(uuidv7());
      cols.name.push(name);
      cols.company.push(random() < 0.1 ? null : COMPANIES[Math.floor(random() * COMPANIES.length)]!);
      cols.email.push(`contact.${k}@example.cn`);
      cols.phone.push(`+86138${String(k).padStart(8, '0')}`);
      cols.owner.push(members[k % members.length]!.id);
      cols.created.push(new Date(now - Math.floor(random() * TWO_YEARS_MS)).toISOString());
    }
    await database.raw.query(
      `insert into contacts (workspace_id, id, name, company, email, phone, owner_id, created_at, updated_at)
       select $1, id, name, company, email, phone, owner_id, created_at, created_at
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[])
              as t(id, name, company, email, phone, owner_id, created_at)`,
      [workspaceId, cols.id, cols.name, cols.company, cols.email, cols.phone, cols.owner, cols.created],
    );
    onBatch(done + n);
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { workspace: { type: 'string' } } });
  const count = Number(process.env.BENCH_CONTACTS ?? 100_000);
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const workspaceId = values.workspace ?? (await demoWorkspaceId(database));
    if (!workspaceId) throw new Error('no demo workspace: run `npm run guanxi -- seed` or pass --workspace ID');
    const ms = await generateContacts(database, workspaceId, count);
    console.log(`${count} contacts inserted into ${workspaceId} in ${(ms / 1000).toFixed(1)} s (${Math.round(count / (ms / 1000))} rows/s)`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
