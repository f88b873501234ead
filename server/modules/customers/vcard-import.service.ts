import type { FieldErrorCode } from '../../../contracts/errors.js';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { isEmail } from '../../platform/http/validation.js';
import { assertMayActOn } from '../../platform/permissions/policy.js';
import { toE164 } from '../../platform/phones.js';
import type { Address } from './addresses.js';
import { createContact, type ContactInput } from './contacts.service.js';
import { parseVCards, type ParsedAddress, type ParsedContact, type ParsedValue } from './vcard.js';

type CardField = 'name' | 'company' | 'department' | 'title' | 'email' | 'phone' | 'addresses' | 'tags';

/** A card left out (field `name`), or one value of an imported card left out. Never the value itself. */
export interface VCardSkip {
  /** Position of the card in the file, from 0. */
  index: number;
  field: CardField;
  reason: FieldErrorCode;
}

export interface VCardImportResult {
  created: number;
  skipped: VCardSkip[];
}

/** The contact schema's limits (contacts.schema.ts), checked here because cards do not pass through it. */
const MAX = { name: 200, company: 200, department: 100, title: 100, line: 200, city: 100, postalCode: 20, tag: 40, tags: 30, others: 10, addresses: 10 } as const;
/** Numbers nobody answers: fax and pager lines are not the contact's phones. */
const NOT_VOICE = new Set(['fax', 'pager']);

const rank = (v: ParsedValue) => (v.pref ? 0 : 2) - (v.types.includes('cell') ? 1 : 0);
const byPreference = (values: ParsedValue[]) => [...values].sort((a, b) => rank(a) - rank(b));
const fits = (value: string | null, max: number) => (value && value.length <= max ? value : null);

/** ADR → our address: the street is required; a country only as an ISO code (CN, US); a work address is an office. */
function addressOf(a: ParsedAddress): Address | null {
  const line1 = fits(a.street ?? a.extended ?? a.poBox, MAX.line);
  if (!line1) return null;
  const line2 = a.street ? fits([a.extended, a.poBox].filter(Boolean).join(', ') || null, MAX.line) : null;
  const country = a.country && /^[a-z]{2}$/i.test(a.country) ? a.country.toUpperCase() : null;
  return { kind: a.types.includes('work') ? 'office' : 'other', line1, line2, city: fits(a.locality, MAX.city), region: fits(a.region, MAX.city), postalCode: fits(a.postalCode, MAX.postalCode), country };
}

/**
 * One card → contact input: the preferred readable e-mail and voice phone (E.164) as the primary ones and
 * the rest as others, the first ORG unit as the department. What cannot be stored is left out and reported.
 */
export function contactFromCard(card: ParsedContact, index: number, country: string): { input: ContactInput | null; skipped: VCardSkip[] } {
  const skipped: VCardSkip[] = [];
  const skip = (field: CardField, reason: FieldErrorCode) => skipped.push({ index, field, reason });
  const name = card.name?.trim();
  if (!name) return { input: null, skipped: [{ index, field: 'name', reason: 'required' }] };
  if (name.length > MAX.name) return { input: null, skipped: [{ index, field: 'name', reason: 'maxLength' }] };
  const input: ContactInput = { name };
  for (const [field, value] of [['company', card.organization], ['department', card.units[0] ?? null], ['title', card.title]] as const) {
    if (value && value.length > MAX[field]) skip(field, 'maxLength');
    else if (value) input[field] = value;
  }

  const emailValues = byPreference(card.emails).map((e) => e.value.toLowerCase());
  if (!emailValues.every(isEmail)) skip('email', 'format');
  const [email, ...otherEmails] = [...new Set(emailValues.filter(isEmail))].slice(0, MAX.others + 1);
  if (email) input.email = email;
  if (otherEmails.length) input.otherEmails = otherEmails;

  const e164 = byPreference(card.phones.filter((p) => !p.types.some((t) => NOT_VOICE.has(t)))).map((p) => toE164(p.value, country));
  if (e164.includes(null)) skip('phone', 'invalid');
  const [phone, ...otherPhones] = [...new Set(e164.filter((p): p is string => p !== null))].slice(0, MAX.others + 1);
  if (phone) input.phone = phone;
  if (otherPhones.length) input.otherPhones = otherPhones;

  if (card.birthday) input.birthday = card.birthday;
  const addresses = card.addresses.map(addressOf);
  if (addresses.includes(null)) skip('addresses', 'invalid');
  if (addresses.some(Boolean)) input.addresses = addresses.filter((a): a is Address => a !== null).slice(0, MAX.addresses);
  const tags = [...new Set(card.categories.filter((t) => t.length <= MAX.tag))];
  if (tags.length < new Set(card.categories).size) skip('tags', 'maxLength');
  if (tags.length) input.tags = tags.slice(0, MAX.tags);
  return { input, skipped };
}

/**
 * Creates a contact for every card of a vCard file (2.1, 3.0 or 4.0), owned by the caller. A card without
 * a name is skipped; an unreadable phone or e-mail is left out of its contact rather than failing the file.
 * One transaction: either every readable card is in, or (on an unexpected error) none.
 */
export async function importVCards(tx: Executor, ctx: RequestContext, text: string): Promise<VCardImportResult> {
  await assertMayActOn(tx, ctx, 'create', ctx.userId);
  const result: VCardImportResult = { created: 0, skipped: [] };
  for (const [index, card] of parseVCards(text).entries()) {
    const { input, skipped } = contactFromCard(card, index, ctx.country);
    result.skipped.push(...skipped);
    if (!input) continue;
    await createContact(tx, ctx, input);
    result.created += 1;
  }
  return result;
}
