import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { asSystem } from '../../db/transaction.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { listCustomFields } from '../../platform/custom-fields/custom-fields.service.js';
import { AppError, notFound, type FieldError } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { assertActiveMember } from '../../platform/tenancy/membership-checks.js';
import { workspaces } from '../../platform/tenancy/tenancy.tables.js';
import type { Locale } from '../../../contracts/roles.js';
import { CONTACT_TARGETS, formSubmissions, forms, type FormField } from './forms.tables.js';

export type Form = typeof forms.$inferSelect;
export type FormSubmission = typeof formSubmissions.$inferSelect;
export interface FormInput {
  name: string;
  language: Locale;
  title: string;
  intro?: string | null;
  fields: FormField[];
  submitLabel?: string | null;
  thankYou?: string | null;
  redirectUrl?: string | null;
  active?: boolean;
  contactOwnerId?: string | null;
}
/** A form with how many submissions it has had, and how many of them were spam. */
export type FormWithCounts = Form & { submissions: number; spam: number };

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/**
 * A form's fields as stored, or a 400 naming the field: keys unique, a select with choices, each contact
 * field filled by one question at most, and `custom.<key>` an existing contact custom field.
 */
async function checkFields(tx: Executor, ctx: RequestContext, fields: FormField[]): Promise<FormField[]> {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const targets = new Set<string>();
  const customKeys = fields.some((f) => f.mapTo?.startsWith('custom.')) ? new Set((await listCustomFields(tx, ctx, 'contacts')).map((d) => d.key)) : new Set<string>();
  const cleaned = fields.map((field, i) => {
    const at = `fields.${i}`;
    if (keys.has(field.key)) errors.push({ field: `${at}.key`, code: 'taken' });
    keys.add(field.key);
    const options = [...new Set((field.options ?? []).map((o) => o.trim()).filter(Boolean))];
    if (field.type === 'select' && options.length === 0) errors.push({ field: `${at}.options`, code: 'minItems', params: { limit: 1 } });
    const mapTo = field.mapTo || null;
    if (mapTo) {
      if (targets.has(mapTo)) errors.push({ field: `${at}.mapTo`, code: 'taken' });
      targets.add(mapTo);
      const known = (CONTACT_TARGETS as readonly string[]).includes(mapTo) || (mapTo.startsWith('custom.') && customKeys.has(mapTo.slice(7)));
      if (!known) errors.push({ field: `${at}.mapTo`, code: 'invalid' });
      if (field.type === 'checkbox' && !mapTo.startsWith('custom.')) errors.push({ field: `${at}.mapTo`, code: 'invalid' });
    }
    return { key: field.key, label: field.label.trim(), type: field.type, required: field.required, ...(field.type === 'select' ? { options } : {}), mapTo };
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return cleaned;
}

async function formColumns(tx: Executor, ctx: RequestContext, input: Partial<FormInput>) {
  if (input.contactOwnerId) await assertActiveMember(tx, ctx, input.contactOwnerId, 'contactOwnerId');
  return {
    ...input,
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    intro: blankToNull(input.intro),
    submitLabel: blankToNull(input.submitLabel),
    thankYou: blankToNull(input.thankYou),
    redirectUrl: blankToNull(input.redirectUrl),
    ...(input.fields !== undefined ? { fields: await checkFields(tx, ctx, input.fields) } : {}),
  };
}

const byId = (ctx: RequestContext, id: string) => and(eq(forms.workspaceId, ctx.workspaceId), eq(forms.id, id));

async function counts(tx: Executor, ctx: RequestContext, formId?: string): Promise<Map<string, { submissions: number; spam: number }>> {
  const rows = await tx
    .select({ formId: formSubmissions.formId, submissions: sql<number>`count(*) filter (where not ${formSubmissions.spam})::int`, spam: sql<number>`count(*) filter (where ${formSubmissions.spam})::int` })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.workspaceId, ctx.workspaceId), formId ? eq(formSubmissions.formId, formId) : undefined))
    .groupBy(formSubmissions.formId);
  return new Map(rows.map((r) => [r.formId, { submissions: r.submissions, spam: r.spam }]));
}

const withCounts = (form: Form, all: Map<string, { submissions: number; spam: number }>): FormWithCounts => ({ ...form, ...(all.get(form.id) ?? { submissions: 0, spam: 0 }) });

/** The workspace's forms, newest first (admins and managers). */
export async function listForms(tx: Executor, ctx: RequestContext): Promise<FormWithCounts[]> {
  assertCan(ctx, 'forms.manage');
  const rows = await tx.select().from(forms).where(eq(forms.workspaceId, ctx.workspaceId)).orderBy(desc(forms.createdAt));
  const all = await counts(tx, ctx);
  return rows.map((f) => withCounts(f, all));
}

export async function getForm(tx: Executor, ctx: RequestContext, id: string): Promise<FormWithCounts> {
  assertCan(ctx, 'forms.manage');
  const [row] = await tx.select().from(forms).where(byId(ctx, id));
  if (!row) throw notFound('form');
  return withCounts(row, await counts(tx, ctx, id));
}

/** Builds a form with a fresh public token. */
export async function createForm(tx: Executor, ctx: RequestContext, input: FormInput): Promise<FormWithCounts> {
  assertCan(ctx, 'forms.manage');
  const values = await formColumns(tx, ctx, input);
  const [row] = await tx
    .insert(forms)
    .values({ ...values, name: values.name!, title: values.title!, fields: values.fields!, language: input.language, workspaceId: ctx.workspaceId, id: uuidv7(), token: randomBytes(12).toString('base64url'), createdBy: ctx.userId })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'form', recordId: row!.id, after: row as Record<string, unknown> });
  return { ...row!, submissions: 0, spam: 0 };
}

export async function updateForm(tx: Executor, ctx: RequestContext, id: string, patch: Partial<FormInput>): Promise<FormWithCounts> {
  const before = await getForm(tx, ctx, id);
  const [after] = await tx
    .update(forms)
    .set({ ...(await formColumns(tx, ctx, patch)), updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  const { submissions, spam, ...beforeRow } = before;
  await recordAudit(tx, ctx, { action: 'update', recordType: 'form', recordId: id, before: beforeRow as Record<string, unknown>, after: after as Record<string, unknown> });
  return { ...after!, submissions, spam };
}

/** Deletes a form and its submissions (the contacts and timeline entries they made stay). */
export async function deleteForm(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const { submissions: _s, spam: _p, ...before } = await getForm(tx, ctx, id);
  await tx.delete(formSubmissions).where(and(eq(formSubmissions.workspaceId, ctx.workspaceId), eq(formSubmissions.formId, id)));
  await tx.delete(forms).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'form', recordId: id, before: before as Record<string, unknown> });
}

const submissionListSpec: ListSpec = {
  fields: {
    createdAt: { column: formSubmissions.createdAt, type: 'timestamp', sortable: true },
    spam: { column: formSubmissions.spam, type: 'boolean' },
    contactId: { column: formSubmissions.contactId, type: 'uuid' },
  },
  id: formSubmissions.id,
  defaultSort: '-createdAt',
};

/** A form's submissions, newest first; filter `spam:eq:false` for the real ones. */
export async function listSubmissions(tx: Executor, ctx: RequestContext, formId: string, params: ListParams) {
  await getForm(tx, ctx, formId);
  const plan = planList(submissionListSpec, params);
  const rows = await tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.workspaceId, ctx.workspaceId), eq(formSubmissions.formId, formId), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows);
}

/** An active form by its public token, with its workspace's name; null when there is none or it is switched off. */
export async function publicForm(database: Database, token: string): Promise<(Form & { workspaceName: string }) | null> {
  const [row] = await asSystem(database.db, (tx) =>
    tx.select({ form: forms, workspaceName: workspaces.name }).from(forms).innerJoin(workspaces, eq(workspaces.id, forms.workspaceId)).where(eq(forms.token, token)),
  );
  if (!row || !row.form.active) return null;
  return { ...row.form, workspaceName: row.workspaceName };
}
