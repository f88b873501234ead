import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { EDITABLE_QUOTE_STATUSES, type QuoteStatus } from '../../../contracts/quotes.js';
import type { Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { planList, type ListParams, type ListSpec } from '../../platform/http/list-query.js';
import { assertCan, assertMayActOn, ownershipFilter } from '../../platform/permissions/policy.js';
import { activeAdminIds } from '../../platform/tenancy/members.service.js';
import { managerOf } from '../../platform/tenancy/teams.service.js';
import { getWorkspace } from '../../platform/tenancy/workspaces.service.js';
import { priceLineItems } from '../catalog/index.js';
import { opportunities } from './opportunities.tables.js';
import { getOpportunity, localDate, updateOpportunity, type Opportunity } from './opportunities.service.js';
import { listLines } from './opportunity-lines.service.js';
import { createOrder } from './orders.service.js';
import { getPipeline } from './pipelines.service.js';
import { quoteAmounts } from '../../../contracts/quote-math.js';
import { quoteLines, quoteSettings, quotes } from './quotes.tables.js';

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
export type Quote = QuoteRow & { lines: QuoteLine[]; needsApproval: boolean };
export type QuoteSettings = Omit<typeof quoteSettings.$inferSelect, 'workspaceId'>;

export interface QuoteLineInput {
  productId: string;
  quantity: number;
  /** Minor units; absent or null: the catalog's price in the quote's currency. */
  unitPrice?: number | null;
  discountPercent?: number;
  /** null or absent: the quote's rate */
  taxRate?: number | null;
  description?: string | null;
}

export interface QuoteInput {
  language?: Locale;
  currency?: string;
  validUntil?: string;
  discountPercent?: number;
  taxRate?: number;
  terms?: string | null;
  notes?: string | null;
  contactId?: string | null;
  /** Absent on creation: the deal's products. */
  lines?: QuoteLineInput[];
}

export const quoteListSpec: ListSpec = {
  fields: {
    number: { column: quotes.number, type: 'number', sortable: true },
    status: { column: quotes.status, type: 'text' },
    opportunityId: { column: quotes.opportunityId, type: 'uuid' },
    accountId: { column: quotes.accountId, type: 'uuid' },
    contactId: { column: quotes.contactId, type: 'uuid' },
    currency: { column: quotes.currency, type: 'text' },
    total: { column: quotes.total, type: 'number', sortable: true },
    validUntil: { column: quotes.validUntil, type: 'timestamp' },
    createdAt: { column: quotes.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: quotes.updatedAt, type: 'timestamp', sortable: true },
  },
  id: quotes.id,
  defaultSort: '-createdAt',
};

const DEFAULT_SETTINGS: QuoteSettings = { approvalThresholdPercent: '15', validityDays: 30, winDealOnAccept: true, defaultTerms: null, defaultTaxRate: '0', logoFileId: null };

export async function getQuoteSettings(tx: Executor, ctx: RequestContext): Promise<QuoteSettings> {
  const [row] = await tx.select().from(quoteSettings).where(eq(quoteSettings.workspaceId, ctx.workspaceId));
  if (!row) return DEFAULT_SETTINGS;
  const { workspaceId: _, ...settings } = row;
  return settings;
}

/** Admins and managers (sales.configure) set the approval threshold and the defaults of new quotes. */
export async function updateQuoteSettings(tx: Executor, ctx: RequestContext, patch: Partial<{ approvalThresholdPercent: number; validityDays: number; winDealOnAccept: boolean; defaultTerms: string | null; defaultTaxRate: number; logoFileId: string | null }>): Promise<QuoteSettings> {
  assertCan(ctx, 'sales.configure');
  const before = await getQuoteSettings(tx, ctx);
  const values: Partial<typeof quoteSettings.$inferInsert> = {};
  if (patch.approvalThresholdPercent !== undefined) values.approvalThresholdPercent = String(patch.approvalThresholdPercent);
  if (patch.defaultTaxRate !== undefined) values.defaultTaxRate = String(patch.defaultTaxRate);
  if (patch.validityDays !== undefined) values.validityDays = patch.validityDays;
  if (patch.winDealOnAccept !== undefined) values.winDealOnAccept = patch.winDealOnAccept;
  if (patch.defaultTerms !== undefined) values.defaultTerms = patch.defaultTerms?.trim() || null;
  if (patch.logoFileId !== undefined) values.logoFileId = patch.logoFileId;
  await tx
    .insert(quoteSettings)
    .values({ workspaceId: ctx.workspaceId, ...values })
    .onConflictDoUpdate({ target: quoteSettings.workspaceId, set: values });
  const after = await getQuoteSettings(tx, ctx);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'quoteSettings', recordId: ctx.workspaceId, before, after });
  return after;
}

const byId = (ctx: RequestContext, id: string) => and(eq(quotes.workspaceId, ctx.workspaceId), eq(quotes.id, id));

/** A sent quote past its validity reads as expired; nothing needs to run at midnight to make it so. */
function withDerivedStatus(row: QuoteRow, ctx: RequestContext): QuoteRow {
  return row.status === 'sent' && row.validUntil < localDate(new Date(), ctx.timeZone) ? { ...row, status: 'expired' } : row;
}

async function linesOf(tx: Executor, ctx: RequestContext, quoteId: string): Promise<QuoteLine[]> {
  return tx.select().from(quoteLines).where(and(eq(quoteLines.workspaceId, ctx.workspaceId), eq(quoteLines.quoteId, quoteId))).orderBy(asc(quoteLines.position));
}

async function present(tx: Executor, ctx: RequestContext, row: QuoteRow): Promise<Quote> {
  const settings = await getQuoteSettings(tx, ctx);
  return { ...withDerivedStatus(row, ctx), lines: await linesOf(tx, ctx, row.id), needsApproval: Number(row.effectiveDiscountPercent) > Number(settings.approvalThresholdPercent) };
}

/** A quote version and its deal; 404 when either is missing or the deal is outside the caller's read scope. */
async function readQuote(tx: Executor, ctx: RequestContext, id: string): Promise<{ row: QuoteRow; deal: Opportunity }> {
  const [row] = await tx.select().from(quotes).where(byId(ctx, id));
  if (!row) throw notFound('quote');
  const deal = await getOpportunity(tx, ctx, row.opportunityId).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? notFound('quote') : err;
  });
  return { row: withDerivedStatus(row, ctx), deal };
}

export async function getQuote(tx: Executor, ctx: RequestContext, id: string): Promise<Quote> {
  const { row } = await readQuote(tx, ctx, id);
  return present(tx, ctx, row);
}

/** Quotes of deals the caller may see, every version; lines are left out (read one quote for them). */
export async function listQuotes(tx: Executor, ctx: RequestContext, params: ListParams) {
  const plan = planList(quoteListSpec, params);
  const scope = ownershipFilter(ctx, 'read', opportunities.ownerId);
  const rows = await tx
    .select({ quote: quotes })
    .from(quotes)
    .innerJoin(opportunities, and(eq(opportunities.workspaceId, quotes.workspaceId), eq(opportunities.id, quotes.opportunityId)))
    .where(and(eq(quotes.workspaceId, ctx.workspaceId), sql`${opportunities.deletedAt} is null`, scope, plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return plan.page(rows.map((r) => withDerivedStatus(r.quote, ctx)));
}

/** Every version of every quote of a deal, newest quote first, versions in order. */
export async function listDealQuotes(tx: Executor, ctx: RequestContext, opportunityId: string): Promise<QuoteRow[]> {
  await getOpportunity(tx, ctx, opportunityId);
  const rows = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.workspaceId, ctx.workspaceId), eq(quotes.opportunityId, opportunityId)))
    .orderBy(desc(quotes.number), asc(quotes.version));
  return rows.map((r) => withDerivedStatus(r, ctx));
}

/** Prices the lines from the catalog (or keeps given prices) and works out every amount. */
async function pricedLines(tx: Executor, ctx: RequestContext, quoteId: string, input: QuoteLineInput[], quote: { currency: string; discountPercent: number; taxRate: number }, keep: string[]) {
  const priced = await priceLineItems(tx, ctx, input, { currency: quote.currency, field: 'lines', keep });
  const amounts = quoteAmounts(
    input.map((line, i) => ({ quantity: line.quantity, unitPrice: priced[i]!.unitPrice, listPrice: priced[i]!.listPrice, discountPercent: line.discountPercent ?? 0, taxRate: line.taxRate ?? null })),
    quote,
  );
  const rows = priced.map((p, position) => {
    const line = input[position]!;
    return {
      workspaceId: ctx.workspaceId,
      quoteId,
      position,
      productId: p.productId,
      sku: p.sku,
      name: p.name,
      unit: p.unit,
      description: line.description?.trim() || null,
      quantity: String(line.quantity),
      unitPrice: p.unitPrice,
      listPrice: p.listPrice,
      discountPercent: String(line.discountPercent ?? 0),
      taxRate: line.taxRate === undefined || line.taxRate === null ? null : String(line.taxRate),
      ...amounts.lines[position]!,
    };
  });
  return { rows, amounts };
}

const lineInputOf = (l: QuoteLine): QuoteLineInput => ({
  productId: l.productId,
  quantity: Number(l.quantity),
  unitPrice: l.unitPrice,
  discountPercent: Number(l.discountPercent),
  taxRate: l.taxRate === null ? null : Number(l.taxRate),
  description: l.description,
});

/** Writes the lines and totals of a version (replacing its lines); returns the updated row. */
async function writeContent(tx: Executor, ctx: RequestContext, row: QuoteRow, lines: QuoteLineInput[], keep: string[]): Promise<QuoteRow> {
  const { rows, amounts } = await pricedLines(tx, ctx, row.id, lines, { currency: row.currency, discountPercent: Number(row.discountPercent), taxRate: Number(row.taxRate) }, keep);
  await tx.delete(quoteLines).where(and(eq(quoteLines.workspaceId, ctx.workspaceId), eq(quoteLines.quoteId, row.id)));
  if (rows.length) await tx.insert(quoteLines).values(rows);
  const [updated] = await tx
    .update(quotes)
    .set({ subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax, total: amounts.total, effectiveDiscountPercent: amounts.effectiveDiscountPercent.toFixed(2), updatedAt: new Date() })
    .where(byId(ctx, row.id))
    .returning();
  return updated!;
}

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The next quote number of the workspace, taken under a transaction-wide lock so two quotes never share one. */
async function nextNumber(tx: Executor, ctx: RequestContext): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quotes:${ctx.workspaceId}`}, 0))`);
  const [row] = await tx.select({ max: sql<number | null>`max(${quotes.number})` }).from(quotes).where(eq(quotes.workspaceId, ctx.workspaceId));
  return Number(row?.max ?? 0) + 1;
}

/**
 * Writes quote version 1 for a deal: addressed to the deal's account and main contact, in the deal's currency
 * and the workspace's language, valid for the workspace's number of days, with the deal's products unless
 * lines are given.
 */
export async function createQuote(tx: Executor, ctx: RequestContext, opportunityId: string, input: QuoteInput): Promise<Quote> {
  const deal = await getOpportunity(tx, ctx, opportunityId);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  const settings = await getQuoteSettings(tx, ctx);
  const workspace = await getWorkspace(tx, ctx);
  const lines = input.lines ?? (await listLines(tx, ctx, opportunityId)).map((l) => ({ productId: l.productId, quantity: Number(l.quantity), unitPrice: l.unitPrice, discountPercent: Number(l.discountPercent) }));
  const [row] = await tx
    .insert(quotes)
    .values({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      number: await nextNumber(tx, ctx),
      version: 1,
      opportunityId,
      accountId: deal.accountId,
      contactId: input.contactId !== undefined ? input.contactId : deal.contactId,
      language: input.language ?? workspace.defaultLocale,
      currency: input.currency ?? deal.currency,
      validUntil: input.validUntil ?? addDays(localDate(new Date(), ctx.timeZone), settings.validityDays),
      discountPercent: String(input.discountPercent ?? 0),
      taxRate: String(input.taxRate ?? settings.defaultTaxRate),
      terms: input.terms?.trim() || settings.defaultTerms,
      notes: input.notes?.trim() || null,
      createdBy: ctx.userId,
    })
    .returning();
  const written = await writeContent(tx, ctx, row!, lines, []);
  const quote = await present(tx, ctx, written);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'quote', recordId: quote.id, after: quote });
  return quote;
}

function assertStatus(row: QuoteRow, allowed: readonly QuoteStatus[]): void {
  if (!allowed.includes(row.status)) throw new AppError('QUOTE_STATUS_CHANGE', 409, { from: row.status });
}

/**
 * Changes a version not yet sent. A change after a request for approval or an approval sends it back to
 * draft: what was approved is no longer what would be sent.
 */
export async function updateQuote(tx: Executor, ctx: RequestContext, id: string, patch: QuoteInput): Promise<Quote> {
  const { row, deal } = await readQuote(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  assertStatus(row, EDITABLE_QUOTE_STATUSES);
  const before = await present(tx, ctx, row);
  const values: Partial<QuoteRow> = { status: 'draft', updatedAt: new Date() };
  if (patch.language !== undefined) values.language = patch.language;
  if (patch.currency !== undefined) values.currency = patch.currency;
  if (patch.validUntil !== undefined) values.validUntil = patch.validUntil;
  if (patch.discountPercent !== undefined) values.discountPercent = String(patch.discountPercent);
  if (patch.taxRate !== undefined) values.taxRate = String(patch.taxRate);
  if (patch.terms !== undefined) values.terms = patch.terms?.trim() || null;
  if (patch.notes !== undefined) values.notes = patch.notes?.trim() || null;
  if (patch.contactId !== undefined) values.contactId = patch.contactId;
  const [changed] = await tx.update(quotes).set(values).where(byId(ctx, id)).returning();
  const currencyChanged = patch.currency !== undefined && patch.currency !== row.currency;
  // Prices in another currency come from that currency's price book, not the old figures.
  const lines = patch.lines ?? before.lines.map((l) => ({ ...lineInputOf(l), ...(currencyChanged ? { unitPrice: null } : {}) }));
  const written = await writeContent(tx, ctx, changed!, lines, before.lines.map((l) => l.productId));
  const after = await present(tx, ctx, written);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'quote', recordId: id, before, after });
  return after;
}

/** The latest version of a quote number: only it may be revised. */
async function latestVersion(tx: Executor, ctx: RequestContext, number: number): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`max(${quotes.version})` }).from(quotes).where(and(eq(quotes.workspaceId, ctx.workspaceId), eq(quotes.number, number)));
  return Number(row!.max);
}

/**
 * Starts version n+1 of a quote as a draft with the same content; the version it replaces stays as it was,
 * readable, and is marked superseded unless the customer accepted it. Drafts are changed, not revised.
 */
export async function reviseQuote(tx: Executor, ctx: RequestContext, id: string): Promise<Quote> {
  const { row, deal } = await readQuote(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  if (row.status === 'draft' || row.version !== (await latestVersion(tx, ctx, row.number))) throw new AppError('QUOTE_STATUS_CHANGE', 409, { from: row.status });
  const lines = await linesOf(tx, ctx, id);
  if (row.status !== 'accepted') await tx.update(quotes).set({ status: 'superseded', updatedAt: new Date() }).where(byId(ctx, id));
  const { id: _, createdAt: _c, updatedAt: _u, ...content } = row;
  const [next] = await tx
    .insert(quotes)
    .values({
      ...content,
      id: uuidv7(),
      version: row.version + 1,
      status: 'draft',
      approvalRequestedBy: null,
      approvalRequestedAt: null,
      approvalDecision: null,
      approvalDecidedBy: null,
      approvalDecidedAt: null,
      approvalComment: null,
      sentAt: null,
      decidedAt: null,
      orderId: null,
      createdBy: ctx.userId,
    })
    .returning();
  const written = await writeContent(tx, ctx, next!, lines.map(lineInputOf), lines.map((l) => l.productId));
  const quote = await present(tx, ctx, written);
  await recordAudit(tx, ctx, { action: 'create', recordType: 'quote', recordId: quote.id, after: { ...quote, revisionOf: id } });
  return quote;
}

/** Who may approve a discount on a deal: admins, and the manager of the team its owner belongs to. */
export async function approversOf(tx: Executor, ctx: RequestContext, ownerId: string | null): Promise<string[]> {
  const manager = ownerId ? await managerOf(tx, ctx, ownerId) : null;
  return [...new Set([...(manager ? [manager] : []), ...(await activeAdminIds(tx, ctx))])];
}

async function changeStatus(tx: Executor, ctx: RequestContext, before: QuoteRow, values: Partial<QuoteRow>): Promise<Quote> {
  const [row] = await tx.update(quotes).set({ ...values, updatedAt: new Date() }).where(byId(ctx, before.id)).returning();
  const after = await present(tx, ctx, row!);
  await recordAudit(tx, ctx, { action: 'update', recordType: 'quote', recordId: before.id, before, after });
  return after;
}

/** Asks for approval of a discount above the workspace's threshold; returns whom to notify. */
export async function requestApproval(tx: Executor, ctx: RequestContext, id: string, comment: string | null): Promise<{ quote: Quote; notify: string[] }> {
  const { row, deal } = await readQuote(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  assertStatus(row, ['draft']);
  const current = await present(tx, ctx, row);
  if (!current.needsApproval) throw new AppError('QUOTE_APPROVAL_NOT_NEEDED', 409);
  const quote = await changeStatus(tx, ctx, row, {
    status: 'pending_approval',
    approvalRequestedBy: ctx.userId,
    approvalRequestedAt: new Date(),
    approvalDecision: null,
    approvalDecidedBy: null,
    approvalDecidedAt: null,
    approvalComment: comment?.trim() || null,
  });
  return { quote, notify: (await approversOf(tx, ctx, deal.ownerId)).filter((u) => u !== ctx.userId) };
}

/**
 * An approver's decision on a pending discount: approved (the quote may be sent) or rejected (back to draft,
 * with the comment saying why). Nobody approves their own request unless they are an admin.
 */
export async function decideApproval(tx: Executor, ctx: RequestContext, id: string, decision: 'approved' | 'rejected', comment: string | null): Promise<{ quote: Quote; notify: string[] }> {
  const { row, deal } = await readQuote(tx, ctx, id);
  assertStatus(row, ['pending_approval']);
  const approvers = await approversOf(tx, ctx, deal.ownerId);
  const allowed = ctx.userId !== null && approvers.includes(ctx.userId) && (ctx.role === 'admin' || ctx.userId !== row.approvalRequestedBy);
  if (!allowed) throw new AppError('QUOTE_APPROVER_ONLY', 403);
  const quote = await changeStatus(tx, ctx, row, {
    status: decision === 'approved' ? 'approved' : 'draft',
    approvalDecision: decision,
    approvalDecidedBy: ctx.userId,
    approvalDecidedAt: new Date(),
    approvalComment: comment?.trim() || row.approvalComment,
  });
  return { quote, notify: row.approvalRequestedBy ? [row.approvalRequestedBy] : [] };
}

/** Checks that a version may go to the customer: approved, or a draft whose discount needs no approval. */
export async function assertSendable(tx: Executor, ctx: RequestContext, id: string): Promise<{ quote: Quote; deal: Opportunity }> {
  const { row, deal } = await readQuote(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  const quote = await present(tx, ctx, row);
  if (row.status === 'draft' && quote.needsApproval) throw new AppError('QUOTE_APPROVAL_REQUIRED', 409);
  assertStatus(row, ['draft', 'approved']);
  if (row.validUntil < localDate(new Date(), ctx.timeZone)) throw invalidField('validUntil', 'invalid', { reason: 'in the past' });
  return { quote, deal };
}

/** Marks a version sent: from now on it no longer changes (a change is a new version). */
export async function markQuoteSent(tx: Executor, ctx: RequestContext, id: string): Promise<Quote> {
  const { quote } = await assertSendable(tx, ctx, id);
  const { lines: _, needsApproval: _n, ...row } = quote;
  return changeStatus(tx, ctx, row, { status: 'sent', sentAt: new Date() });
}

/**
 * The order an accepted quote becomes: confirmed (it is a sale), for the deal's customer and owner, with the
 * quote's lines as quoted. Orders know line discounts only, so a line carries its own discount and the quote's
 * as one: 1 − (1 − line %)(1 − quote %), kept to 2 decimals — the order's total may then differ from the
 * quote's by a few minor units when that product has more decimals.
 */
async function orderFromQuote(tx: Executor, ctx: RequestContext, quote: Quote, deal: Opportunity): Promise<string> {
  const quoteShare = 1 - Number(quote.discountPercent) / 100;
  const order = await createOrder(tx, ctx, {
    accountId: quote.accountId,
    contactId: quote.contactId,
    opportunityId: deal.id,
    quoteId: quote.id,
    ownerId: deal.ownerId,
    currency: quote.currency,
    status: 'confirmed',
    notes: quote.notes,
    lines: quote.lines.map((l) => ({
      productId: l.productId,
      quantity: Number(l.quantity),
      unitPrice: l.unitPrice,
      discountPercent: Math.round((1 - (1 - Number(l.discountPercent) / 100) * quoteShare) * 10000) / 100,
      taxRate: Number(l.taxRate ?? quote.taxRate),
    })),
  });
  return order.id;
}

export async function decideQuote(tx: Executor, ctx: RequestContext, id: string, outcome: 'accepted' | 'rejected'): Promise<Quote> {
  const { row, deal } = await readQuote(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', deal.ownerId);
  if (row.status === 'expired' && outcome === 'accepted') throw new AppError('QUOTE_EXPIRED', 409);
  assertStatus(row, ['sent']);
  const values: Partial<QuoteRow> = { status: outcome, decidedAt: new Date() };
  if (outcome === 'accepted') {
    values.orderId = await orderFromQuote(tx, ctx, await present(tx, ctx, row), deal);
    const settings = await getQuoteSettings(tx, ctx);
    if (settings.winDealOnAccept && deal.status === 'open') {
      const won = (await getPipeline(tx, ctx, deal.pipelineId)).stages.find((s) => s.kind === 'won');
      if (won) await updateOpportunity(tx, ctx, deal.id, { stageId: won.id, amount: row.subtotal - row.discount });
    }
  }
  return changeStatus(tx, ctx, row, values);
}
