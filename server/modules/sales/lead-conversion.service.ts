import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, readReferenced } from '../../platform/errors/app-error.js';
import { assertMayActOn, mayActOn } from '../../platform/permissions/policy.js';
import { createAccount, createContact, findLikelyDuplicates, getAccount, getContact, linkContact, listAccounts, SURE_SCORE, type Account, type Contact } from '../customers/index.js';
import { shareTimeline } from '../interactions/index.js';
import { leads } from './leads.tables.js';
import { getLead, type Lead } from './leads.service.js';
import { createOpportunity, type Opportunity, type OpportunityInput } from './opportunities.service.js';

export interface ConversionInput {
  /** An account to attach to; null for an individual consumer; absent: one named like the lead's company, else a new one. */
  accountId?: string | null;
  /** A contact to attach to; absent: a sure duplicate (same e-mail or phone) is reused, else a new one. */
  contactId?: string;
  /** A deal to open with it; absent or null: none. */
  opportunity?: Partial<Pick<OpportunityInput, 'name' | 'amount' | 'currency' | 'pipelineId' | 'stageId' | 'closeDate'>> | null;
  /** Who owns what is created; the lead's owner by default. */
  ownerId?: string | null;
}

export interface Conversion {
  lead: Lead;
  account: Account | null;
  contact: Contact;
  opportunity: Opportunity | null;
  /** Which records existed already (duplicate-aware conversion reuses rather than duplicates). */
  reused: { account: boolean; contact: boolean };
}

async function accountFor(tx: Executor, ctx: RequestContext, lead: Lead, input: ConversionInput, ownerId: string | null): Promise<{ account: Account | null; reused: boolean }> {
  if (input.accountId === null) return { account: null, reused: false };
  if (input.accountId) return { account: await readReferenced(() => getAccount(tx, ctx, input.accountId!), 'accountId'), reused: true };
  if (!lead.company) return { account: null, reused: false };
  const [same] = (await listAccounts(tx, ctx, { filter: `name:eq:${lead.company}`, limit: 1 })).data;
  if (same) return { account: same, reused: true };
  const account = await createAccount(tx, ctx, { name: lead.company, type: 'prospect', industry: lead.industry, region: lead.region, source: lead.source, ownerId, lifecycleStage: 'prospect' });
  return { account, reused: false };
}

async function contactFor(tx: Executor, ctx: RequestContext, lead: Lead, input: ConversionInput, ownerId: string | null): Promise<{ contact: Contact; reused: boolean }> {
  if (input.contactId) return { contact: await readReferenced(() => getContact(tx, ctx, input.contactId!), 'contactId'), reused: true };
  const candidates = await findLikelyDuplicates(tx, ctx, { name: lead.name, email: lead.email, phone: lead.phone, company: lead.company });
  const sure = candidates.find((c) => c.score >= SURE_SCORE && (c.reasons.includes('email') || c.reasons.includes('phone')));
  if (sure) return { contact: sure.contact, reused: true };
  const contact = await createContact(tx, ctx, {
    name: lead.name,
    company: lead.company,
    title: lead.title,
    email: lead.email,
    phone: lead.phone,
    wechatId: lead.wechatId,
    source: lead.source,
    tags: lead.tags,
    lifecycleStage: 'prospect',
    ownerId,
  });
  return { contact, reused: false };
}

/**
 * Turns a qualified lead into customer records and, optionally, a deal: reuses the account named like its
 * company and a contact with its e-mail or phone instead of duplicating them, links the contact to the
 * account, and puts the lead's whole history on the new records' timelines. The lead stays, marked
 * converted and pointing at them. One transaction: all of it happens, or none.
 */
export async function convertLead(tx: Executor, ctx: RequestContext, id: string, input: ConversionInput): Promise<Conversion> {
  const lead = await getLead(tx, ctx, id);
  await assertMayActOn(tx, ctx, 'update', lead.ownerId);
  if (lead.status === 'converted') throw new AppError('LEAD_ALREADY_CONVERTED', 409);
  const ownerId = input.ownerId !== undefined ? input.ownerId : (lead.ownerId ?? ctx.userId);

  const { account, reused: accountReused } = await accountFor(tx, ctx, lead, input, ownerId);
  const { contact, reused: contactReused } = await contactFor(tx, ctx, lead, input, ownerId);
  if (account && (await mayActOn(tx, ctx, 'update', account.ownerId))) await linkContact(tx, ctx, account.id, contact.id, {});
  const opportunity = input.opportunity
    ? await createOpportunity(tx, ctx, {
        ...input.opportunity,
        name: input.opportunity.name?.trim() || lead.company || lead.name,
        accountId: account?.id ?? null,
        contactId: contact.id,
        source: lead.source,
        ownerId,
      })
    : null;

  await shareTimeline(tx, ctx, { recordType: 'lead', recordId: lead.id }, [
    { recordType: 'contact', recordId: contact.id },
    ...(account ? [{ recordType: 'account', recordId: account.id }] : []),
    ...(opportunity ? [{ recordType: 'opportunity', recordId: opportunity.id }] : []),
  ]);
  const [converted] = await tx
    .update(leads)
    .set({ status: 'converted', disqualifyReason: null, convertedAt: new Date(), convertedAccountId: account?.id ?? null, convertedContactId: contact.id, convertedOpportunityId: opportunity?.id ?? null, updatedAt: new Date() })
    .where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, id)))
    .returning();
  await recordAudit(tx, ctx, { action: 'update', recordType: 'lead', recordId: id, before: lead, after: converted! });
  return { lead: converted!, account, contact, opportunity, reused: { account: accountReused, contact: contactReused } };
}
