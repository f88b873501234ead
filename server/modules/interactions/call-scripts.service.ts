import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { LOCALES, type Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { assertCan } from '../../platform/permissions/policy.js';
import { getMember } from '../../platform/tenancy/members.service.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { getContact } from '../customers/index.js';
import { mergeValuesOf, renderTemplate } from './email-out.service.js';
import { callTypes } from './interactions.tables.js';

export type CallType = typeof callTypes.$inferSelect;
/** Which calls a type is the first choice for: by direction, and for inbound whether the caller is known. */
export const CALL_TYPE_DEFAULTS = ['inbound_known', 'inbound_unknown', 'outbound'] as const;
export type CallTypeDefault = (typeof CALL_TYPE_DEFAULTS)[number];

export interface CallTypeInput {
  names: Partial<Record<Locale, string>>;
  scripts: Partial<Record<Locale, string>>;
  defaultFor?: CallTypeDefault[];
  position?: number;
}

const byId = (ctx: RequestContext, id: string) => and(eq(callTypes.workspaceId, ctx.workspaceId), eq(callTypes.id, id));
const filled = (texts: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(texts).filter((e): e is [string, string] => Boolean(e[1]?.trim())).map(([k, v]) => [k, v.trim()]));

/** Names and scripts without blanks; a name in at least one language; merge fields known (a typo must not reach an agent). */
function cleaned(input: Partial<CallTypeInput>, before: CallType | null) {
  const names = input.names ? filled(input.names) : before!.names;
  const scripts = input.scripts ? filled(input.scripts) : before!.scripts;
  if (Object.keys(names).length === 0) throw invalidField('names', 'required');
  for (const [locale, text] of Object.entries(scripts)) renderTemplate(text, {}, `scripts.${locale}`);
  return { names, scripts, ...(input.defaultFor ? { defaultFor: [...new Set(input.defaultFor)] } : {}), ...(input.position === undefined ? {} : { position: input.position }) };
}

/** A call type being a default for some calls takes that role from the others (one first choice per kind of call). */
async function takeDefaults(tx: Executor, ctx: RequestContext, id: string, defaults: string[] | undefined) {
  if (!defaults?.length) return;
  for (const other of await listCallTypes(tx, ctx)) {
    if (other.id === id || !other.defaultFor.some((d) => defaults.includes(d))) continue;
    await tx.update(callTypes).set({ defaultFor: other.defaultFor.filter((d) => !defaults.includes(d)) }).where(byId(ctx, other.id));
  }
}

export function listCallTypes(tx: Executor, ctx: RequestContext): Promise<CallType[]> {
  return tx.select().from(callTypes).where(eq(callTypes.workspaceId, ctx.workspaceId)).orderBy(asc(callTypes.position), asc(callTypes.createdAt));
}

async function getCallType(tx: Executor, ctx: RequestContext, id: string): Promise<CallType> {
  const [row] = await tx.select().from(callTypes).where(byId(ctx, id));
  if (!row) throw notFound('callType');
  return row;
}

/** Adds a call type with its script per language (admins). */
export async function createCallType(tx: Executor, ctx: RequestContext, input: CallTypeInput): Promise<CallType> {
  assertCan(ctx, 'workspace.manage');
  const id = uuidv7();
  const values = cleaned(input, null);
  await takeDefaults(tx, ctx, id, values.defaultFor);
  const [row] = await tx.insert(callTypes).values({ workspaceId: ctx.workspaceId, id, ...values }).returning();
  await recordAudit(tx, ctx, { action: 'create', recordType: 'call_type', recordId: id, after: row! });
  return row!;
}

export async function updateCallType(tx: Executor, ctx: RequestContext, id: string, patch: Partial<CallTypeInput>): Promise<CallType> {
  assertCan(ctx, 'workspace.manage');
  const before = await getCallType(tx, ctx, id);
  const values = cleaned(patch, before);
  await takeDefaults(tx, ctx, id, values.defaultFor);
  const [row] = await tx.update(callTypes).set({ ...values, updatedAt: new Date() }).where(byId(ctx, id)).returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'call_type', recordId: id, before, after: row! });
  return row!;
}

export async function deleteCallType(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertCan(ctx, 'workspace.manage');
  const before = await getCallType(tx, ctx, id);
  await tx.delete(callTypes).where(byId(ctx, id));
  await recordAudit(tx, ctx, { action: 'delete', recordType: 'call_type', recordId: id, before });
}

/**
 * A call type's script as the agent reads it during a call: in `locale` (else the caller's language, the
 * workspace's, or the first written), merge fields filled from the caller's contact (empty when unknown)
 * and the agent.
 */
export async function renderCallScript(tx: Executor, ctx: RequestContext, id: string, options: { contactId?: string; locale?: Locale }): Promise<{ locale: string | null; text: string }> {
  const type = await getCallType(tx, ctx, id);
  const workspace = await getWorkspace(tx, ctx);
  const wanted = [options.locale, ctx.locale, workspace.defaultLocale as Locale, ...LOCALES].filter((l): l is Locale => Boolean(l));
  const locale = wanted.find((l) => type.scripts[l]) ?? Object.keys(type.scripts)[0] ?? null;
  if (!locale) return { locale: null, text: '' };
  const contact = options.contactId
    ? await getContact(tx, ctx, options.contactId).catch((err: unknown) => {
        throw err instanceof AppError && err.status === 404 ? invalidField('contactId', 'invalid') : err;
      })
    : null;
  const me = ctx.userId ? await getMember(tx, ctx, ctx.userId) : null;
  const values = mergeValuesOf(contact, { name: me?.name ?? '', email: me?.email ?? '', workspaceName: workspace.name });
  return { locale, text: renderTemplate(type.scripts[locale]!, values, `scripts.${locale}`) };
}
