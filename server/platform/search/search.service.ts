import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';
import { phoneQueryDigits } from '../phones.js';
import { commonSearchKeys, type CommonKeys } from './key-stats.js';
import { queryKeys } from './search-keys.js';
import { normalizeText } from './normalize.js';
import { withBitmapIndexScans } from './sql.js';

export interface SearchHit {
  /** Record type, e.g. `contact`; the web app links it to that record's page. */
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export interface SearchQuery {
  /** Normalized query text (lower-case, simplified Chinese). */
  text: string;
  keys: string[];
  weights: number[];
  limit: number;
  /** Keys common in the workspace, by record type, as last counted (platform/search/key-stats.ts). */
  commonKeys: CommonKeys;
}

/** What a module registers to appear in the global search box. */
export interface SearchProvider {
  type: string;
  /** Runs with sequential and plain index scans off (platform/search/sql.ts, withBitmapIndexScans). */
  search(tx: Executor, ctx: RequestContext, query: SearchQuery): Promise<SearchHit[]>;
  /** The keys matching at least as many of a workspace's records as the provider probes (a sample's estimate). */
  countCommonKeys?(tx: Executor, workspaceId: string): Promise<{ keys: string[]; records: number; sampledPercent: number }>;
}

/** Searches every provider and merges their hits, best first. */
export async function searchEverything(tx: Executor, ctx: RequestContext, providers: SearchProvider[], text: string, limit: number): Promise<SearchHit[]> {
  const keys = queryKeys(text, phoneQueryDigits(text, ctx.country));
  if (keys.length === 0) return [];
  const commonKeys = await commonSearchKeys(tx, ctx.workspaceId);
  const query: SearchQuery = { text: normalizeText(text), keys: keys.map((k) => k.key), weights: keys.map((k) => k.weight), limit, commonKeys };
  const hits: SearchHit[] = [];
  // Sequential on purpose: one transaction, one connection. Every provider looks keys up: the planner
  // settings that takes are set once for all of them (a round trip costs as much as a probe).
  await withBitmapIndexScans(tx, async () => {
    for (const provider of providers) hits.push(...(await provider.search(tx, ctx, query)));
  });
  return hits.sort((a, b) => b.score - a.score || a.title.length - b.title.length || a.title.localeCompare(b.title)).slice(0, limit);
}
