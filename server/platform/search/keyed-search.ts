import { and, eq, inArray, isNull, not, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable, PgView } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import { ownershipFilter } from '../permissions/policy.js';
import { hasHan } from './normalize.js';
import { textArray, withOrderedIndexScans } from './sql.js';
import type { SearchHit, SearchProvider } from './search.service.js';

/** Below this trigram word similarity a fuzzy match is noise. */
const FUZZY_THRESHOLD = 0.5;
/** Keys of the query as typed: a name or its pinyin from the start, an e-mail address, a phone number. */
const AS_TYPED = /^(n|p|e|t):/;
/** Typo matches scored per query at most (see the fuzzy pass). */
const FUZZY_CANDIDATES = 200;
/**
 * Matches of one weight class ranked in memory; beyond this, the key is common enough that walking the
 * order index finds `limit` matches sooner. Both ways cost a row read per match probed or per row walked:
 * probing m matches reads m rows, walking reads about limit × (workspace rows ÷ m); at a million rows and
 * a page of 20 they cost the same near m = 4,500.
 */
const PROBE_LIMIT = 4000;
/**
 * Records a common class's walk reads in rank order at most (about 3 µs each at a million rows). A class
 * whose matches all rank late — `wa` initials are Latin names, behind 840,000 shorter Chinese ones: 2.4 s
 * walked — is then read whole and sorted instead, which for a class whose matches are not dense among the
 * first records costs less than walking on.
 */
const WALK_BUDGET = 5000;
/** How long a class stays known as common, and how many such classes the process remembers. */
const COMMON_TTL_MS = 30 * 60_000;
const COMMON_MAX = 20_000;
/**
 * Records of a workspace sampled to count its common keys: a key at the probe limit then shows about
 * PROBE_LIMIT × 50,000 ÷ records times (200 at a million), so the estimate is close where it matters, and a
 * key with a few hundred matches cannot pass for common.
 */
const SAMPLED_RECORDS = 50_000;

/**
 * Classes (a provider's keys of one weight, in one workspace, for one audience) that matched more than
 * PROBE_LIMIT records, and until when that is trusted. Learning it costs a probe of PROBE_LIMIT rows;
 * remembering it lets the next query with 王 walk the order index straight away. Per process, and for a
 * while only: a key stops being common only when thousands of its records go, and until its entry expires
 * a walk for a key that has become rare reads further down the order index than a probe would.
 */
const commonClasses = new LRUCache<string, true>({ max: COMMON_MAX, ttl: COMMON_TTL_MS });
const isCommon = (key: string) => commonClasses.has(key);
const markCommon = (key: string) => commonClasses.set(key, true);

interface RankedRow {
  id: string;
  length: number;
  createdAt: Date | null;
  /** Position of the best class the row matches. */
  best: number;
}
/** `order by length(name), created_at desc nulls last, id desc` (UUIDs compare as their hex text). */
const byRank = (a: RankedRow, b: RankedRow) =>
  a.length - b.length || (b.createdAt?.getTime() ?? -Infinity) - (a.createdAt?.getTime() ?? -Infinity) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The columns search reads, through a view confined to the transaction's workspace (see
 * `contactsSearch` in modules/customers/contacts.tables.ts for why a view and not the table). See
 * docs/search.md.
 */
export interface SearchableView {
  workspaceId: PgColumn;
  id: PgColumn;
  /** Absent for records nobody owns (products): everyone who may search reads them. */
  ownerId?: PgColumn;
  deletedAt: PgColumn;
  searchKeys: PgColumn;
  searchText: PgColumn;
  name: PgColumn;
  createdAt: PgColumn;
}

/** The table the hits are read from (under row-level security), by primary key; its keys are counted from a sample. */
export interface SearchedTable {
  workspaceId: PgColumn;
  id: PgColumn;
  searchKeys: PgColumn;
  deletedAt: PgColumn;
}


/**
 * A search provider for a table with search-key columns: exact key hits through the GIN index,
 * then, when those leave room, typo-tolerant trigram matches for Latin queries of 3+ characters. Only
 * records the caller may read, none from the recycle bin.
 *
 * Exact hits rank by the best weight among the keys they matched, then shortest name, then newest. A
 * weight class with at most PROBE_LIMIT matches is read through the GIN index and ranked in memory — all
 * such classes of a query in one probe; a more common one (王 matches 7 % of Chinese names) walks
 * `*_search_order_idx` in rank order and stops after the room left — never sorting tens of thousands of
 * rows, and never walking the whole index for a key that turns out rare. Which classes are common is
 * counted daily per workspace (key-stats.ts) and learned in between (`commonClasses`), so at most the first
 * query with a newly common key pays the probe that finds out. The hits' rows are read last, by id.
 */
export function keyedSearchProvider<TRow extends Record<string, unknown>>(options: {
  type: string;
  table: SearchedTable;
  view: SearchableView;
  subtitle(row: TRow): string | null;
  /** The hit's title; default: the row's `name` (cases show their subject). */
  title?(row: TRow): string;
  /** Tests only: a small limit takes the common-class path with a handful of rows; a small budget, its fallback. */
  probeLimit?: number;
  walkBudget?: number;
}): SearchProvider {
  const probeLimit = options.probeLimit ?? PROBE_LIMIT;
  const walkBudget = options.walkBudget ?? WALK_BUDGET;
  const t = options.table;
  const v = options.view;
  const from = t as unknown as PgTable;
  const fromView = v as unknown as PgView;
  return {
    type: options.type,
    // Runs inside searchEverything's withBitmapIndexScans; only a common class's walk reads in index order.
    search: async (tx, ctx, query) => {
      const ownership = v.ownerId ? ownershipFilter(ctx, 'read', v.ownerId) : undefined;
      const base = and(eq(v.workspaceId, ctx.workspaceId), isNull(v.deletedAt), ownership);
      // Who sees how many records decides what is common: a rep's 王 may be rare where the admin's is not.
      const audience = ownership ? `${ctx.userId ?? ctx.apiKeyId}` : '*';
      const classes = [...new Set(query.weights)]
        .sort((a, b) => b - a)
        .map((weight) => {
          const keys = query.keys.filter((_, i) => query.weights[i] === weight);
          const cacheKey = [options.type, ctx.workspaceId, audience, ...keys].join('\u0000');
          // The workspace's counts hold for whoever sees all of it; a narrower audience learns for itself.
          const counted = audience === '*' && keys.some((k) => query.commonKeys.get(options.type)?.has(k));
          return { weight, keys, cacheKey, common: counted || isCommon(cacheKey) };
        });
      // A record ranks in the best class it matches: the first branch that holds (the class's position).
      const bestClass = sql<number>`case ${sql.join(
        classes.map((c, i) => sql`when ${v.searchKeys} && ${textArray(c.keys)} then ${sql.raw(String(i))}`),
        sql` `,
      )} end`;
      // Probe without an order: the planner cannot tell a rare key from a common one it has no statistics
      // for, and walking the order index for a key that matches nothing reads the whole workspace. Bitmap
      // scans only: a plain index scan "stopping early" walks the whole table for a rare key.
      const probe = (keys: string[], ...more: (SQL | undefined)[]) =>
        tx
          .select({ id: v.id, length: sql<number>`length(${v.name})`, createdAt: v.createdAt, best: bestClass })
          .from(fromView)
          .where(and(base, sql`${v.searchKeys} && ${textArray(keys)}`, ...more))
          .limit(probeLimit + 1) as Promise<RankedRow[]>;
      const rankOrder = (name: SQLWrapper, createdAt: SQLWrapper, id: SQLWrapper) => [sql`${name}`, sql`${createdAt} desc nulls last`, sql`${id} desc nulls last`];
      // Records of a better class were ranked there already.
      const outside = (searchKeys: SQLWrapper, better: string[]) => (better.length ? not(sql`${searchKeys} && ${textArray(better)}`) : undefined);
      const matching = (searchKeys: SQLWrapper, keys: string[], better: string[]) => and(sql`${searchKeys} && ${textArray(keys)}`, outside(searchKeys, better));
      // A common class: the first walkBudget records in rank order (the order index), the class's among them;
      // when they do not fill the room, the class's records whole, sorted (a bitmap scan and a top-N sort).
      const walk = async (keys: string[], better: string[], room: number): Promise<{ id: string }[]> => {
        const first = tx
          .select({ id: v.id, length: sql<number>`length(${v.name})`.as('length'), createdAt: v.createdAt, searchKeys: v.searchKeys })
          .from(fromView)
          .where(base)
          .orderBy(...rankOrder(sql`length(${v.name})`, v.createdAt, v.id))
          .limit(walkBudget)
          .as('first');
        const walked = (await withOrderedIndexScans(tx, () =>
          tx
            .select({ id: first.id })
            .from(first)
            .where(matching(first.searchKeys, keys, better))
            .orderBy(...rankOrder(first.length, first.createdAt, first.id))
            .limit(room),
        )) as { id: string }[];
        if (walked.length === room) return walked;
        return (await tx
          .select({ id: v.id })
          .from(fromView)
          .where(and(base, matching(v.searchKeys, keys, better)))
          .orderBy(...rankOrder(sql`length(${v.name})`, v.createdAt, v.id))
          .limit(room)) as { id: string }[];
      };

      // Every class not known to be common in one probe: one index lookup and one pass over the rows for
      // the usual query (a name, its pinyin, a phone), where there were up to five. When that overflows, the
      // classes are probed one by one below, and the next such query goes there straight away.
      const rare = classes.filter((c) => !c.common);
      const fold = [options.type, ctx.workspaceId, audience, 'fold', ...rare.flatMap((c) => c.keys)].join('\u0000');
      let probed: Map<number, RankedRow[]> | null = null;
      if (rare.length && !isCommon(fold)) {
        const rows = await probe(rare.flatMap((c) => c.keys));
        if (rows.length <= probeLimit) {
          probed = new Map(rare.map((c) => [classes.indexOf(c), []]));
          // Rows whose best class is a common one come from that class's walk.
          for (const row of rows) probed.get(Number(row.best))?.push(row);
        } else if (rare.length === 1) {
          rare[0]!.common = true;
          markCommon(rare[0]!.cacheKey);
        } else markCommon(fold);
      }

      const found: { id: string; score: number }[] = [];
      const better: string[] = [];
      // A name, pinyin, e-mail address or phone number found as typed is what was meant: a typo away is somebody
      // else (and scanning trigrams as common as `ang` for it cost 50 ms at a million contacts).
      let identified = false;
      for (const [i, c] of classes.entries()) {
        if (found.length >= query.limit) break;
        const room = query.limit - found.length;
        // This class: records matching one of its keys and none of a better class (those ranked already).
        let rows: RankedRow[] | { id: string }[] | undefined = c.common ? undefined : probed?.get(i);
        if (!c.common && !rows) {
          // The folded probe overflowed: this class alone, to learn whether it is the common one.
          const own = await probe(c.keys, outside(v.searchKeys, better));
          if (own.length <= probeLimit) rows = own;
          else markCommon(c.cacheKey);
        }
        rows = rows ? (rows as RankedRow[]).sort(byRank).slice(0, room) : await walk(c.keys, better, room);
        found.push(...rows.map((r) => ({ id: r.id, score: c.weight })));
        better.push(...c.keys);
        if (rows.length && c.keys.some((k) => AS_TYPED.test(k))) identified = true;
      }
      // An e-mail's domain is shared by thousands (everyone @163.com): only its local part is worth a fuzzy match.
      const fuzzyText = query.text.split('@')[0]!;
      // Typos are a matter of letters: a number (a phone, a tail of digits) is found exactly or not at all,
      // and trigrams of digits match half the table.
      if (found.length < query.limit && !identified && fuzzyText.length >= 3 && !hasHan(fuzzyText) && /\p{L}/u.test(fuzzyText)) {
        // word_similarity: how well the query matches the best part of the record's search text. Ranked among
        // the first FUZZY_CANDIDATES records close enough, not all: `gu hong` is close to 1,500 of a million
        // contacts' e-mails, and scoring them all cost 180 ms for the least of the hits.
        const candidates = tx
          .select({ id: v.id, similarity: sql<number>`word_similarity(${fuzzyText}, ${v.searchText})`.as('similarity') })
          .from(fromView)
          .where(and(base, sql`${fuzzyText} <% ${v.searchText}`))
          .limit(FUZZY_CANDIDATES)
          .as('candidates');
        const fuzzy = (await tx
          .select({ id: candidates.id, score: sql<number>`(${candidates.similarity} * 50)::float` })
          .from(candidates)
          .where(sql`${candidates.similarity} >= ${FUZZY_THRESHOLD}`)
          .orderBy(sql`${candidates.similarity} desc`)
          .limit(query.limit)) as { id: string; score: number }[];
        const seen = new Set(found.map((f) => f.id));
        found.push(...fuzzy.filter((f) => !seen.has(f.id)));
      }
      if (found.length === 0) return [];
      // The rows themselves, by primary key under row-level security (an index lookup: uuid equality is leakproof).
      const rows = (await tx
        .select({ row: sql<TRow>`to_jsonb(${from})` })
        .from(from)
        .where(
          and(
            eq(t.workspaceId, ctx.workspaceId),
            inArray(
              t.id,
              found.map((f) => f.id),
            ),
          ),
        )) as { row: TRow }[];
      const byId = new Map(rows.map(({ row }) => [String(row.id), row]));
      return found.flatMap(({ id, score }): SearchHit[] => {
        const row = byId.get(id);
        return row ? [{ type: options.type, id, title: options.title ? options.title(row) : String(row.name), subtitle: options.subtitle(row), score: Number(score) }] : [];
      });
    },

    // One pass over a sample of the workspace's records (the whole of a small one): keys with at least
    // probeLimit matches by the estimate. A class with one of them is walked without a probe to find out.
    countCommonKeys: async (tx, workspaceId) => {
      const visible = sql`${t.workspaceId} = ${workspaceId} and ${t.deletedAt} is null`;
      const [counted] = (await tx.select({ records: sql<number>`count(*)::int` }).from(from).where(visible)) as { records: number }[];
      const records = counted?.records ?? 0;
      if (records < probeLimit) return { keys: [], records, sampledPercent: 100 };
      const percent = Math.min(100, (100 * SAMPLED_RECORDS) / records);
      const sample = percent < 100 ? sql`${from} tablesample system (${percent}::real)` : sql`${from}`;
      const { rows } = (await tx.execute(sql`
        select k as key from ${sample}, unnest(${t.searchKeys}) k
         where ${visible}
         group by k having count(*) >= ${(probeLimit * percent) / 100}`)) as unknown as { rows: { key: string }[] };
      return { keys: rows.map((r) => r.key).sort(), records, sampledPercent: percent };
    },
  };
}
