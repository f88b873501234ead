import type { Locale } from '../../../contracts/roles.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { hasHan, normalizeText } from '../../platform/search/normalize.js';
import { membersByEmail } from '../../platform/tenancy/members.service.js';
import { linkToRecord, recordsOfThread, type InboundEmail, type InboundEmailHandler, type LinkedInteraction } from '../interactions/index.js';
import { applyStatus, caseByNumber, caseChanged, casesByIds, caseTypeByKey, serviceSettingsOf, type Case } from './cases.service.js';
import { createCase } from './case-work.service.js';

// Mail to a support address: a new case, or the next message of the case it answers.

const DESCRIPTION_MAX = 10_000;

/** The customer's language as the mail's text shows it: Chinese (traditional when it has traditional characters) or English. */
export function guessLanguage(text: string): Locale {
  if (!hasHan(text)) return 'en';
  const plain = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return normalizeText(text) === plain ? 'zh-CN' : 'zh-TW';
}

/** `[CS-000123]` or `CS-000123` in a subject, with the workspace's prefix: the case number. */
export function numberInSubject(subject: string | null, prefix: string): number | null {
  if (!subject) return null;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[^A-Za-z0-9])${escaped}-(\\d{1,9})(?![0-9])`, 'i').exec(subject);
  return match ? Number(match[1]) : null;
}

const addressesOf = (mail: InboundEmail) => [...mail.to, ...mail.cc].map((a) => a.address.trim().toLowerCase());

/** The contact who wrote the mail, as the timeline identified them. */
const senderContact = (logged: LinkedInteraction) => logged.participants.find((p) => p.kind === 'contact' && p.role === 'from')?.id ?? null;

/** Follows merge pointers to the case that lives on. */
async function survivor(tx: Executor, ctx: RequestContext, row: Case | undefined): Promise<Case | undefined> {
  let current = row;
  for (let hops = 0; current?.mergedInto && hops < 10; hops++) [current] = await casesByIds(tx, ctx, [current.mergedInto]);
  return current;
}

/**
 * The case a mail continues: the one whose number its subject quotes — only when the sender is that case's
 * contact, so a number typed by a stranger adds nothing to someone else's case — else the case its thread
 * (In-Reply-To, References) is already part of.
 */
async function caseOfMail(tx: Executor, ctx: RequestContext, mail: InboundEmail, logged: LinkedInteraction, prefix: string): Promise<Case | undefined> {
  const number = numberInSubject(mail.subject, prefix);
  if (number !== null) {
    const row = await caseByNumber(tx, ctx, number);
    if (row && (row.contactId === null || row.contactId === senderContact(logged))) return survivor(tx, ctx, row);
  }
  if (!logged.threadId) return undefined;
  const ids = await recordsOfThread(tx, ctx, logged.threadId, 'case');
  const found = await casesByIds(tx, ctx, ids);
  return survivor(tx, ctx, found.sort((a, b) => b.number - a.number)[0]);
}

export const supportMailHandler: InboundEmailHandler = {
  async claims(tx, ctx, mail) {
    const { supportAddresses } = await serviceSettingsOf(tx, ctx);
    if (supportAddresses.length === 0 || !addressesOf(mail).some((a) => supportAddresses.includes(a))) return false;
    // Members writing to the support address (a colleague's forward) are not customers.
    const from = mail.from[0]?.address.trim().toLowerCase();
    return Boolean(from) && !(await membersByEmail(tx, ctx, [from!])).has(from!);
  },

  /**
   * Threads the mail into its case — a customer's answer takes a case pending them back to open and reopens a
   * resolved one; a closed case stays closed and the mail opens a new case — or opens a new, routed case.
   */
  async handle(tx, ctx, mail, logged) {
    if (logged.links.some((l) => l.recordType === 'case')) return;
    const { numberPrefix } = await serviceSettingsOf(tx, ctx);
    const existing = await caseOfMail(tx, ctx, mail, logged, numberPrefix);
    if (existing && existing.status !== 'closed') {
      if (existing.status === 'pending_customer' || existing.status === 'resolved') await applyStatus(tx, ctx, existing, 'open');
      await linkToRecord(tx, ctx, [logged.id], { recordType: 'case', recordId: existing.id });
      await caseChanged(tx, ctx, existing.id);
      return;
    }
    const text = `${mail.subject ?? ''}\n${mail.text ?? ''}`;
    const created = await createCase(tx, ctx, {
      subject: mail.subject?.trim().slice(0, 300) || '—',
      description: mail.text?.slice(0, DESCRIPTION_MAX) ?? null,
      channel: 'email',
      typeId: (await caseTypeByKey(tx, ctx, 'inquiry'))?.id ?? null,
      language: guessLanguage(text),
      contactId: senderContact(logged),
      assign: true,
    });
    await linkToRecord(tx, ctx, [logged.id], { recordType: 'case', recordId: created.id });
    await caseChanged(tx, ctx, created.id);
  },
};

