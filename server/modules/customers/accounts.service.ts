import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { invalidField } from '../../platform/errors/app-error.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { normalizeText } from '../../platform/search/normalize.js';
import { searchKeys } from '../../platform/search/search-keys.js';
import { accounts, type Address } from './accounts.tables.js';
import { phoneField } from '../../platform/phones.js';
import { cleanList, cleanText } from '../../platform/text.js';

export type Account = typeof accounts.$inferSelect;
export type AccountInput = Partial<Omit<Account, 'workspaceId' | 'id' | 'searchKeys' | 'searchText' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>> & { name: string };

export const accountListSpec: ListSpec = {
  fields: {
    name: { column: accounts.name, type: 'text', sortable: true },
    type: { column: accounts.type, type: 'text' },
    industry: { column: accounts.industry, type: 'text' },
    size: { column: accounts.size, type: 'text' },
    tier: { column: accounts.tier, type: 'text' },
    region: { column: accounts.region, type: 'text' },
    source: { column: accounts.source, type: 'text' },
    lifecycleStage: { column: accounts.lifecycleStage, type: 'text' },
    creditStatus: { column: accounts.creditStatus, type: 'text' },
    parentId: { column: accounts.parentId, type: 'uuid' },
    ownerId: { column: accounts.ownerId, type: 'uuid' },
    createdAt: { column: accounts.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: accounts.updatedAt, type: 'timestamp', sortable: true },
  },
  id: accounts.id,
  defaultSort: '-createdAt',
};

const TEXT_FIELDS = ['industry', 'region', 'source'] as const;

/** Refuses a parent that is missing, deleted, or would make the hierarchy a loop. */
async function assertParent(tx: Executor, ctx: RequestContext, accountId: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  if (parentId === accountId) throw invalidField('parentId', 'invalid');
  // Walk up from the proposed parent; meeting this account means a cycle.
  const { rows } = (await tx.execute(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from ${accounts} where workspace_id = ${ctx.workspaceId} and id = ${parentId} and deleted_at is null
      union all
      select a.id, a.parent_id, c.depth + 1 from ${accounts} a join chain c on a.id = c.parent_id
       where a.workspace_id = ${ctx.workspaceId} and c.depth < 50
    ) select id from chain`)) as unknown as { rows: { id: string }[] };
  if (rows.length === 0 || (accountId && rows.some((r) => r.id === accountId))) throw invalidField('parentId', 'invalid');
}

async function accountColumns(tx: Executor, ctx: RequestContext, input: Partial<AccountInput>, before: Account | null): Promise<Partial<Account>> {
  const values: Partial<Account> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && key !== 'ownerId' && key !== 'custom') (values as Record<string, unknown>)[key] = value;
  if (input.name !== undefined) values.name = input.name.trim();
  for (const key of TEXT_FIELDS) if (input[key] !== undefined) values[key] = cleanText(input[key]) ?? null;
  if (input.email !== undefined) values.email = cleanText(input.email, true) ?? null;
  if (input.website !== undefined) values.website = cleanText(input.website) ?? null;
  if (input.phone !== undefined) values.phone = phoneField(input.phone, ctx.country, 'phone');
  if (input.tags !== undefined) values.tags = cleanList(input.tags);
  if (input.addresses !== undefined) values.addresses = (input.addresses ?? []) as Address[];
  if (input.parentId !== undefined) await assertParent(tx, ctx, before?.id ?? null, input.parentId);
  const whole = { ...before, ...values } as Account;
  values.searchKeys = searchKeys({ name: whole.name, isPersonName: false, emails: [whole.email], phones: [whole.phone] });
  values.searchText = normalizeText([whole.name, whole.email, whole.website].filter(Boolean).join(' '));
  return values;
}

const records = ownedRecords<Account, AccountInput>({ table: accounts, recordType: 'account', listSpec: accountListSpec, toColumns: accountColumns, customFieldsOf: 'accounts', extensibleAs: 'accounts' });

export const listAccounts = (tx: Executor, ctx: RequestContext, params: ListParams) => records.list(tx, ctx, params);
export const listDeletedAccounts = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
export const getAccount = records.get;
export const updateAccount = records.update;
export const deleteAccount = records.remove;
export const restoreAccount = records.restore;

export const createAccount = records.create;

/** Moves accounts between owners where the owner is still the expected one (the public pool: claim, release, return). */
export const handOverAccounts = records.handOver;

/** Live accounts by id, whoever owns them: for the public pool, which decides itself who may see them. */
export async function accountsByIds(tx: Executor, ctx: RequestContext, ids: string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  return tx.select().from(accounts).where(and(eq(accounts.workspaceId, ctx.workspaceId), inArray(accounts.id, ids), isNull(accounts.deletedAt)));
}
/** Many at once, each validated alone (imports). */
export const createAccounts = records.createMany;

/** Child accounts of an account (one level), for hierarchies. */
export async function listChildAccounts(tx: Executor, ctx: RequestContext, id: string) {
  await getAccount(tx, ctx, id);
  return listAccounts(tx, ctx, { filter: `parentId:eq:${id}`, limit: 200 }).then((page) => page.data);
}
