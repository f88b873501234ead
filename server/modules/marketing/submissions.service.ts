import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/client.js';
import { inWorkspace } from '../../db/transaction.js';
import { contextOfIntegration } from '../../platform/auth/context-loader.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { AppError, notFound, type FieldError } from '../../platform/errors/app-error.js';
import { isEmail } from '../../platform/http/validation.js';
import { translator } from '../../platform/i18n/i18n.js';
import { toE164 } from '../../platform/phones.js';
import { createContact, findLikelyDuplicates, SURE_SCORE, updateContact, type Contact, type ContactInput } from '../customers/index.js';
import { logInteraction } from '../interactions/index.js';
import { formSubmissions, type FormField, type SubmittedValue } from './forms.tables.js';
import { thankYouOf } from './forms.page.js';
import { publicForm, type Form } from './forms.service.js';

/** What a visitor sends: the answers by field key, and the honeypot input that people leave empty. */
export interface SubmissionInput {
  values: Record<string, SubmittedValue>;
  honeypot?: string;
}
export interface SubmissionMeta {
  ip: string | null;
  userAgent: string | null;
}
/** What the visitor is told (the same for spam, so a bot learns nothing). */
export interface SubmissionResult {
  thankYou: string;
  redirectUrl: string | null;
}

const MAX_LENGTH: Record<FormField['type'], number> = { text: 500, email: 254, phone: 40, textarea: 10_000, select: 500, checkbox: 10 };
const TRUE_WORDS = new Set(['on', 'true', '1', 'yes']);

/**
 * The answers checked against the form's fields — required, e-mail format, a readable phone number, a
 * choice of the select, length — as a 400 naming `values.<key>` with the field's label for the message.
 */
export function checkAnswers(form: Pick<Form, 'fields'>, values: Record<string, SubmittedValue>, country: string): Record<string, string | boolean> {
  const errors: FieldError[] = [];
  const answers: Record<string, string | boolean> = {};
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) errors.push({ field: `values.${key}`, code: 'unknown' });
  for (const field of form.fields) {
    const at = `values.${field.key}`;
    const label = field.label;
    const raw = values[field.key];
    if (field.type === 'checkbox') {
      const checked = raw === true || (typeof raw === 'string' && TRUE_WORDS.has(raw.trim().toLowerCase()));
      if (field.required && !checked) errors.push({ field: at, code: 'required', params: { label } });
      answers[field.key] = checked;
      continue;
    }
    const text = (Array.isArray(raw) ? raw.join(', ') : typeof raw === 'string' ? raw : '').trim();
    if (!text) {
      if (field.required) errors.push({ field: at, code: 'required', params: { label } });
      continue;
    }
    if (text.length > MAX_LENGTH[field.type]) errors.push({ field: at, code: 'maxLength', params: { label, limit: MAX_LENGTH[field.type] } });
    else if (field.type === 'email' && !isEmail(text)) errors.push({ field: at, code: 'format', params: { label, format: 'email' } });
    else if (field.type === 'phone' && !toE164(text, country)) errors.push({ field: at, code: 'invalid', params: { label } });
    else if (field.type === 'select' && !field.options?.includes(text)) errors.push({ field: at, code: 'enum', params: { label, allowed: field.options?.join(', ') ?? '' } });
    else answers[field.key] = field.type === 'email' ? text.toLowerCase() : text;
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, {}, errors);
  return answers;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The contact the answers describe: mapped fields, a name from the e-mail or phone when none was asked. */
function contactOf(form: Form, answers: Record<string, string | boolean>): ContactInput | null {
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = answers[field.key];
    if (!field.mapTo || value === undefined || value === '') continue;
    if (field.mapTo.startsWith('custom.')) custom[field.mapTo.slice(7)] = value;
    else input[field.mapTo] = value;
  }
  const name = (input.name as string | undefined) ?? (input.email as string | undefined) ?? (input.phone as string | undefined);
  if (!name) return null;
  return { ...input, name, ...(Object.keys(custom).length ? { custom } : {}) } as ContactInput;
}

/** "label: value" lines, in the form's order: the body of the timeline entry. */
function answerLines(form: Form, answers: Record<string, string | boolean>, locale: { yes: string; no: string }): string {
  return form.fields
    .filter((f) => answers[f.key] !== undefined)
    .map((f) => `${f.label}: ${typeof answers[f.key] === 'boolean' ? (answers[f.key] ? locale.yes : locale.no) : answers[f.key]}`)
    .join('\n');
}

/**
 * Creates the contact, or finds the one it surely is (same e-mail, phone, or name at the same company) and
 * fills only its blank fields — what a person entered is never overwritten. The form acts for the
 * workspace, so filling blanks is allowed on any contact whatever its owner.
 */
async function upsertContact(tx: Executor, ctx: RequestContext, form: Form, input: ContactInput): Promise<{ contact: Contact; action: 'created' | 'updated' | 'matched' }> {
  const [sure] = (await findLikelyDuplicates(tx, ctx, input)).filter((d) => d.score >= SURE_SCORE);
  if (!sure) return { contact: await createContact(tx, ctx, { ...input, source: 'web_form', ownerId: form.contactOwnerId }), action: 'created' };
  const existing = sure.contact;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'custom' || key === 'name') continue;
    if (isBlank((existing as Record<string, unknown>)[key])) patch[key] = value;
  }
  const custom = Object.fromEntries(Object.entries(input.custom ?? {}).filter(([key]) => isBlank(existing.custom?.[key])));
  if (Object.keys(custom).length) patch.custom = custom;
  if (Object.keys(patch).length === 0) return { contact: existing, action: 'matched' };
  return { contact: await updateContact(tx, { ...ctx, role: 'admin' }, existing.id, patch), action: 'updated' };
}

/** Contact errors on mapped fields, renamed to the form's fields (`custom.budget` → `values.budget`). */
function asFormErrors(form: Form, err: AppError): AppError | null {
  const mapped = err.fieldErrors.flatMap((e) => {
    const field = form.fields.find((f) => f.mapTo === e.field);
    return field ? [{ ...e, field: `values.${field.key}`, params: { ...e.params, label: field.label } }] : [];
  });
  return mapped.length ? new AppError('VALIDATION_FAILED', 400, {}, mapped) : null;
}

/**
 * Takes a submission of the form with this public token: checks the answers, keeps the submission, creates
 * or updates its contact duplicate-aware, and logs it on the contact's timeline as an inbound web message
 * (external id: the submission id). A filled honeypot is kept as spam and answered like any other.
 */
export async function submitForm(database: Database, token: string, input: SubmissionInput, meta: SubmissionMeta): Promise<SubmissionResult> {
  const form = await publicForm(database, token);
  if (!form) throw notFound('form');
  const ctx = await contextOfIntegration(database, form.workspaceId);
  if (!ctx) throw notFound('form');
  const t = translator(form.language);
  const result = { thankYou: thankYouOf(form, t), redirectUrl: form.redirectUrl };
  const row = { workspaceId: form.workspaceId, id: uuidv7(), formId: form.id, ip: meta.ip?.slice(0, 100) ?? null, userAgent: meta.userAgent?.slice(0, 500) ?? null };
  if (input.honeypot?.trim()) {
    await inWorkspace(database.db, form.workspaceId, (tx) => tx.insert(formSubmissions).values({ ...row, values: input.values, spam: true }));
    return result;
  }
  const answers = checkAnswers(form, input.values, ctx.country);
  const yesNo = { yes: t('forms.submissions.yes'), no: t('forms.submissions.no') };
  await inWorkspace(database.db, form.workspaceId, async (tx) => {
    const wanted = contactOf(form, answers);
    let upserted: Awaited<ReturnType<typeof upsertContact>> | null = null;
    if (wanted) {
      try {
        upserted = await tx.transaction((sp) => upsertContact(sp, ctx, form, wanted));
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 400) throw err;
        // A mapped answer the contact refuses is the visitor's to fix; anything else (a required custom
        // field the form does not ask) must not lose the submission: it is kept without a contact.
        const own = asFormErrors(form, err);
        if (own) throw own;
      }
    }
    let interactionId: string | null = null;
    if (upserted) {
      const interaction = await logInteraction(tx, ctx, {
        type: 'message',
        channel: 'web',
        direction: 'inbound',
        subject: form.name,
        body: answerLines(form, answers, yesNo),
        externalId: row.id,
        participants: [{ kind: 'contact', id: upserted.contact.id, name: upserted.contact.name, role: 'from' }],
      });
      interactionId = interaction.id;
    }
    await tx.insert(formSubmissions).values({ ...row, values: answers, spam: false, contactId: upserted?.contact.id ?? null, contactAction: upserted?.action ?? null, interactionId });
  });
  return result;
}
