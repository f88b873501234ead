import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../auth/context.js';

/**
 * What happens to records that point at merged ones. When duplicates of a record type are merged into
 * one, every module that holds references to that type (timeline items, opportunities, cases, orders…)
 * moves them to the surviving record through a hook it registers here at start — the merging module
 * needs to know none of them.
 */
export type MergeHook = (tx: Executor, ctx: RequestContext, merge: { primaryId: string; mergedIds: string[] }) => Promise<void>;

const hooks = new Map<string, MergeHook[]>();

export function onMerge(recordType: string, hook: MergeHook): void {
  hooks.set(recordType, [...(hooks.get(recordType) ?? []), hook]);
}

export async function runMergeHooks(tx: Executor, ctx: RequestContext, recordType: string, merge: { primaryId: string; mergedIds: string[] }): Promise<void> {
  for (const hook of hooks.get(recordType) ?? []) await hook(tx, ctx, merge);
}
