import { and, eq, inArray, isNull, not, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgView } from 'drizzle-orm/pg-core';
import { ownershipFilter } from '../permissions/policy.js';
import { hasHan } from './normalize.js';
import { textArray, withBitmapScans, withIndexScans } from './sql.js';
import type { SearchHit, SearchProvider } from './search.service.js';

/** Below this trigram word similarity a fuzzy match is noise. */
const FUZZY_THRESHOLD = 0.5;
/**
 * Matches of one weight class ranked in memory; beyond this, the key is common enough that walking the
 * order index finds `limit` matches after a few thousand rows.
 */
const PROBE_LIMIT = 2000;

interface RankedRow {
  id: string;
  length: number;
  createdAt: Date | null;
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

/** The table the hits are read from (under row-level security), by primary key. */
export interface SearchedTable {
  workspaceId: PgColumn;
  id: PgColumn;
}


/**
 * A search provider for a table with search-key columns: exact key hits through the GIN index,
 * then, when those leave room, typo-tolerant trigram matches for Latin queries of 3+ characters. Only
 * records the caller may read, none from the recycle bin.
 *
 * Exact hits rank by the best weight among the keys they matched, then shortest name, then newest. They
 * are read one weight class at a time, best first: a class with at most PROBE_LIMIT matches is read
 * through the GIN index and ranked in memory; a more common one (王 matches 7 % of Chinese names) walks
 * `*_search_order_idx` in rank order and stops after the room left — never sorting tens of thousands of
 * rows, and never walking the whole index for a key that turns out rare. The hits' rows are read last, by id.
 */
export function keyedSearchProvider<TRow extends Record<string, unknown>>(options: {
  type: string;
  table: SearchedTable;
  view: SearchableView;
  subtitle(row: TRow): string | null;
  /** The hit's title; default: the row's `name` (cases show their subject). */
  title?(row: TRow): string;
}): SearchProvider {
  const t = options.table;
  const v = options.view;
  const from = t as unknown as PgTable;
  const fromView = v as unknown as PgView;
  return {
    type: options.type,
    search: (tx, ctx, query) => withIndexScans(tx, async () => {
      const base = and(eq(v.workspaceId, ctx.workspaceId), isNull(v.deletedAt), v.ownerId ? ownershipFilter(ctx, 'read', v.ownerId) : undefined);
      const weights = [...new Set(query.weights)].sort((a, b) => b - a);
      const found: { id: string; score: number }[] = [];
      const better: string[] = [];
      for (const weight of weights) {
        if (found.length >= query.limit) break;
        const keys = query.keys.filter((_, i) => query.weights[i] === weight);
        // This class: records matching one of its keys and none of a better class (those ranked already).
        const conditions: (SQL | undefined)[] = [base, sql`${v.searchKeys} && ${textArray(keys)}`];
        if (better.length) conditions.push(not(sql`${v.searchKeys} && ${textArray(better)}`));
        const room = query.limit - found.length;
        // Probe without an order first: the planner cannot tell a rare key from a common one it has no
        // statistics for, and walking the order index for a key that matches nothing reads the whole
        // workspace. A class with few matches is ranked here; only a common one is read in index order.
        const probe = (await withBitmapScans(tx, () =>
          tx
            .select({ id: v.id, length: sql<number>`length(${v.name})`, createdAt: v.createdAt })
            .from(fromView)
            .where(and(...conditions))
            .limit(PROBE_LIMIT + 1),
        )) as RankedRow[];
        const rows =
          probe.length <= PROBE_LIMIT
            ? probe.sort(byRank).slice(0, room)
            : ((await tx
                .select({ id: v.id })
                .from(fromView)
                .where(and(...conditions))
                .orderBy(sql`length(${v.name})`, sql`${v.createdAt} desc nulls last`, sql`${v.id} desc nulls last`)
                .limit(room)) as { id: string }[]);
        found.push(...rows.map((r) => ({ id: r.id, score: weight })));
        better.push(...keys);
      }
      // An e-mail's domain is shared by thousands (everyone @163.com): only its local part is worth a fuzzy match.
      const fuzzyText = query.text.split('@')[0]!;
      // Typos are a matter of letters: a number (a phone, a tail of digits) is found exactly or not at all,
      // and trigrams of digits match half the table.
      if (found.length < query.limit && fuzzyText.length >= 3 && !hasHan(fuzzyText) && /\p{L}/u.test(fuzzyText)) {
        // word_similarity: how well the query matches the best part of the record's search text.
        const similarity = sql<number>`word_similarity(${fuzzyText}, ${v.searchText})`;
        const fuzzy = (await tx
          .select({ id: v.id, score: sql<number>`(${similarity} * 50)::float` })
          .from(fromView)
          .where(and(base, sql`${fuzzyText} <% ${v.searchText}`, sql`${similarity} >= ${FUZZY_THRESHOLD}`))
          .orderBy(sql`${similarity} desc`)
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
    }),
  };
}
