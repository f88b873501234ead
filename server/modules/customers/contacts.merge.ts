import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { onMerge, runMergeHooks } from '../../platform/records/merge-hooks.js';
import { accountContacts } from './accounts.tables.js';
import { contacts, mergeHistory } from './contacts.tables.js';
import { getContact, updateContact, type Contact, type ContactInput } from './contacts.service.js';

/** Fields with one value: the survivor takes one; the others are set aside in the merge history. */
export const MERGE_SCALAR_FIELDS = ['name', 'company', 'title', 'department', 'email', 'phone', 'birthday', 'wechatId', 'source', 'lifecycleStage', 'ownerId'] as const;
type ScalarField = (typeof MERGE_SCALAR_FIELDS)[number];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const union = <T>(lists: T[][], key: (v: T) => string = (v) => JSON.stringify(v)) => {
  const seen = new Map<string, T>();
  for (const list of lists) for (const v of list) if (!seen.has(key(v))) seen.set(key(v), v);
  return [...seen.values()];
};

// Account links of merged contacts move to the survivor (keeping the survivor's role where both had one).
onMerge('contact', async (tx, ctx, { primaryId, mergedIds }) => {
  await tx.execute(sql`
    insert into ${accountContacts} (workspace_id, account_id, contact_id, role, is_primary, created_at)
    select workspace_id, account_id, ${primaryId}, role, false, created_at from ${accountContacts}
     where workspace_id = ${ctx.workspaceId} and contact_id in (select jsonb_array_elements_text(${JSON.stringify(mergedIds)}::jsonb)::uuid)
    on conflict do nothing`);
  await tx
    .delete(accountContacts)
    .where(and(eq(accountContacts.workspaceId, ctx.workspaceId), inArray(accountContacts.contactId, mergedIds)));
});

/**
 * Merges duplicates into one contact. Each single-valued field takes the value of the record chosen in
 * `fields` (else the primary's, else the first merged record that has one); e-mails and phones not kept
 * become other e-mails and phones; lists are joined; every other value not kept is stored in the merge
 * history. Records pointing at the merged contacts move to the survivor (merge hooks); the merged
 * contacts go to the recycle bin marked as merged. Audited on every record involved.
 */
export async function mergeContacts(tx: Executor, ctx: RequestContext, input: { primaryId: string; mergeIds: string[]; fields?: Record<string, string> }): Promise<Contact> {
  const mergeIds = [...new Set(input.mergeIds)];
  if (mergeIds.includes(input.primaryId)) throw invalidField('mergeIds', 'invalid');
  const primary = await getContact(tx, ctx, input.primaryId);
  await assertMayActOn(tx, ctx, 'update', primary.ownerId);
  const merged: Contact[] = [];
  for (const id of mergeIds) {
    const other = await getContact(tx, ctx, id);
    await assertMayActOn(tx, ctx, 'delete', other.ownerId);
    merged.push(other);
  }
  const all = [primary, ...merged];
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const [field, source] of Object.entries(input.fields ?? {})) {
    if (!(MERGE_SCALAR_FIELDS as readonly string[]).includes(field)) throw invalidField(`fields.${field}`, 'unknown');
    if (!byId.has(source)) throw invalidField(`fields.${field}`, 'invalid');
  }

  const patch: Partial<ContactInput> = {};
  const setAside: Record<string, Record<string, unknown>> = {};
  const displacedEmails: string[] = [];
  const displacedPhones: string[] = [];
  for (const field of MERGE_SCALAR_FIELDS) {
    const chosen = input.fields?.[field] ? byId.get(input.fields[field]!)! : isEmpty(primary[field]) ? (merged.find((m) => !isEmpty(m[field])) ?? primary) : primary;
    const value = chosen[field];
    if (value !== primary[field]) (patch as Record<ScalarField, unknown>)[field] = value;
    for (const record of all) {
      const other = record[field];
      if (record === chosen || isEmpty(other) || other === value) continue;
      if (field === 'email') displacedEmails.push(other as string);
      else if (field === 'phone') displacedPhones.push(other as string);
      else (setAside[record.id] ??= {})[field] = other;
    }
  }
  const email = (patch.email !== undefined ? patch.email : primary.email) ?? null;
  const phone = (patch.phone !== undefined ? patch.phone : primary.phone) ?? null;
  patch.otherEmails = union([...all.map((c) => c.otherEmails), displacedEmails]).filter((e) => e !== email);
  patch.otherPhones = union([...all.map((c) => c.otherPhones), displacedPhones]).filter((p) => p !== phone);
  patch.tags = union(all.map((c) => c.tags));
  patch.handles = union(all.map((c) => c.handles), (h) => `${h.type}:${h.value}`);
  patch.addresses = union(all.map((c) => c.addresses));

  const survivor = await updateContact(tx, ctx, primary.id, patch);
  await tx
    .update(contacts)
    .set({ deletedAt: new Date(), deletedBy: ctx.userId, mergedInto: primary.id })
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, mergeIds)));
  await runMergeHooks(tx, ctx, 'contact', { primaryId: primary.id, mergedIds: mergeIds });
  await tx.insert(mergeHistory).values({ workspaceId: ctx.workspaceId, id: uuidv7(), recordType: 'contact', primaryId: primary.id, mergedIds: mergeIds, setAside, mergedBy: ctx.userId });
  await recordAudit(tx, ctx, { action: 'merge', recordType: 'contact', recordId: primary.id, before: { merged: null }, after: { merged: mergeIds } });
  for (const other of merged) {
    await recordAudit(tx, ctx, { action: 'merge', recordType: 'contact', recordId: other.id, before: { mergedInto: null }, after: { mergedInto: primary.id } });
  }
  return survivor;
}

/** The merges a contact survived, newest first, with the values each set aside. */
export async function listMergeHistory(tx: Executor, ctx: RequestContext, contactId: string) {
  await getContact(tx, ctx, contactId);
  return tx
    .select()
    .from(mergeHistory)
    .where(and(eq(mergeHistory.workspaceId, ctx.workspaceId), eq(mergeHistory.recordType, 'contact'), eq(mergeHistory.primaryId, contactId)))
    .orderBy(sql`${mergeHistory.id} desc`);
}
