import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { ownershipFilter } from '../../platform/permissions/policy.js';
import { toE164 } from '../../platform/phones.js';
import { normalizeText, stripAccents } from '../../platform/search/normalize.js';
import { sqlArrayLiteral } from '../../db/sql-arrays.js';
import { textArray, withIndexScans } from '../../platform/search/sql.js';
import { contacts, contactsSearch } from './contacts.tables.js';
import type { Contact, ContactInput } from './contacts.service.js';

export type DuplicateReason = 'email' | 'phone' | 'name_company' | 'similar_name_company' | 'name';

/** What two contacts are compared by. */
type Comparable = Pick<Contact, 'name' | 'company' | 'email' | 'phone'>;

export interface DuplicateCandidate<T extends Comparable = Contact> {
  contact: T;
  /** 0–1: how likely the two are the same person. */
  score: number;
  reasons: DuplicateReason[];
}

const REASON_WEIGHT: Record<DuplicateReason, number> = {
  email: 0.95,
  phone: 0.9,
  name_company: 0.85,
  similar_name_company: 0.7,
  name: 0.5,
};
const MIN_SCORE = 0.5;
/** A duplicate this likely is acted on without asking (imports skip or update it). */
export const SURE_SCORE = 0.85;

/** Name as compared for duplicates: search form without spaces or accents (王 伟 = 王伟, Müller = muller). */
export const nameKey = (name: string) => stripAccents(normalizeText(name)).replace(/[\s.\-·]/g, '');

/** Sørensen–Dice similarity of character bigrams: 1 for equal strings, tolerant of one typo in a name. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const left = grams(a);
  const right = grams(b);
  const pool = new Map<string, number>();
  for (const g of right) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of left) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Why `candidate` may be the same person as `input`, and how likely (independent reasons combine). */
export function scoreDuplicate<T extends Comparable>(input: { name: string; company?: string | null; email?: string | null; phone?: string | null }, candidate: T): DuplicateCandidate<T> | null {
  const reasons: DuplicateReason[] = [];
  if (input.email && candidate.email && input.email.trim().toLowerCase() === candidate.email) reasons.push('email');
  if (input.phone && candidate.phone && input.phone === candidate.phone) reasons.push('phone');
  const sameName = nameKey(input.name) === nameKey(candidate.name);
  const companyA = input.company ? nameKey(input.company) : '';
  const companyB = candidate.company ? nameKey(candidate.company) : '';
  const sameCompany = Boolean(companyA) && companyA === companyB;
  if (sameName && sameCompany) reasons.push('name_company');
  else if (sameCompany && bigramSimilarity(nameKey(input.name), nameKey(candidate.name)) >= 0.75) reasons.push('similar_name_company');
  else if (sameName && (!companyA || !companyB)) reasons.push('name');
  if (reasons.length === 0) return null;
  const score = 1 - reasons.reduce((miss, r) => miss * (1 - REASON_WEIGHT[r]), 1);
  return score >= MIN_SCORE ? { contact: candidate, score: Math.round(score * 1000) / 1000, reasons } : null;
}

/**
 * Contacts that are likely the same person as `input` — same e-mail, same phone, same or similar name at
 * the same company (simplified/traditional and accents folded) — for showing before a save or import.
 * Candidates come from the search-key index, so this stays an index lookup at any table size.
 */
export async function findLikelyDuplicates(tx: Executor, ctx: RequestContext, input: Partial<ContactInput> & { name: string; excludeId?: string }): Promise<DuplicateCandidate[]> {
  const phone = input.phone ? toE164(input.phone, ctx.country) : null;
  const email = input.email?.trim().toLowerCase() || null;
  const probe = { ...input, email, phone };
  const keys = [`n:${nameKey(input.name)}`];
  if (email) keys.push(`e:${email}`);
  if (phone) keys.push(`t:${phone.slice(1)}`);
  if (input.company) keys.push(`c:${normalizeText(input.company).replace(/\s/g, '')}`);
  // Candidates through the search view (an index lookup; under row-level security `&&` cannot use the
  // index: see contactsSearch), then their rows by primary key.
  const ids = await withIndexScans(tx, () =>
    tx
      .select({ id: contactsSearch.id })
      .from(contactsSearch)
      .where(
        and(
          eq(contactsSearch.workspaceId, ctx.workspaceId),
          isNull(contactsSearch.deletedAt),
          input.excludeId ? ne(contactsSearch.id, input.excludeId) : undefined,
          ownershipFilter(ctx, 'read', contactsSearch.ownerId),
          sql`${contactsSearch.searchKeys} && ${textArray(keys)}`,
        ),
      )
      .limit(200),
  );
  if (ids.length === 0) return [];
  const candidates = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.workspaceId),
        inArray(
          contacts.id,
          ids.map((r) => r.id),
        ),
      ),
    );
  return candidates
    .map((c) => scoreDuplicate(probe, c))
    .filter((d): d is DuplicateCandidate => d !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, 20);
}

/** Same name at the same company, as scoreDuplicate compares them; stored with each contact (`identity_key`). */
export const nameCompanyKey = (name: string, company: string | null | undefined): string | null => {
  const companyKey = company ? nameKey(company) : '';
  return companyKey ? `${nameKey(name)}|${companyKey}` : null;
};

/** What a contact is recognized by in a batch: the keys under which a sure duplicate (≥ 0.85) must share. */
export function identityKeys(contact: { name: string; company?: string | null; email?: string | null; phone?: string | null }): string[] {
  const keys: string[] = [];
  if (contact.email) keys.push(`e:${contact.email}`);
  if (contact.phone) keys.push(`t:${contact.phone}`);
  const nameCompany = nameCompanyKey(contact.name, contact.company);
  if (nameCompany) keys.push(`nc:${nameCompany}`);
  return keys;
}

/**
 * For each input, the id of the existing contact it surely is (same e-mail, same phone, or same name at the same
 * company: score ≥ 0.85), or null — one candidate query for the whole batch (imports).
 */
export async function findSureDuplicatesOfMany(tx: Executor, ctx: RequestContext, raw: ContactInput[]): Promise<(string | null)[]> {
  const inputs = raw.map((input) => ({ ...input, email: input.email?.trim().toLowerCase() || null, phone: input.phone ? toE164(input.phone, ctx.country) : null }));
  const emails = new Set<string>();
  const phones = new Set<string>();
  const namesAtCompanies = new Set<string>();
  for (const input of inputs) {
    if (input.email) emails.add(input.email);
    if (input.phone) phones.add(input.phone);
    const nameCompany = nameCompanyKey(input.name, input.company);
    if (nameCompany) namesAtCompanies.add(nameCompany);
  }
  // Same e-mail, phone (the primary ones, as scoreDuplicate compares them) or name at the same company: one
  // lookup through three btree indexes. Not the search keys' GIN index: a name and a company both common
  // (王伟 at a company of thousands) cost a millisecond a pair there, most of an import's time at a million.
  const same = [
    emails.size ? sql`${contacts.email} = any(${sqlArrayLiteral([...emails], 'text')})` : undefined,
    phones.size ? sql`${contacts.phone} = any(${sqlArrayLiteral([...phones], 'text')})` : undefined,
    namesAtCompanies.size ? sql`${contacts.identityKey} = any(${sqlArrayLiteral([...namesAtCompanies], 'text')})` : undefined,
  ].filter(Boolean);
  if (same.length === 0) return inputs.map(() => null);
  const candidates = await withIndexScans(tx, () =>
    tx
      .select({ id: contacts.id, name: contacts.name, company: contacts.company, email: contacts.email, phone: contacts.phone })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), ownershipFilter(ctx, 'read', contacts.ownerId), or(...same))),
  );
  if (candidates.length === 0) return inputs.map(() => null);
  type Candidate = (typeof candidates)[number];
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) for (const key of identityKeys(candidate)) byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  return inputs.map((input) => {
    const sharing = new Set(identityKeys(input).flatMap((key) => byKey.get(key) ?? []));
    const scored = [...sharing].map((c) => scoreDuplicate(input, c)).filter((d): d is DuplicateCandidate<Candidate> => d !== null && d.score >= SURE_SCORE);
    return scored.sort((a, b) => b.score - a.score || (a.contact.id < b.contact.id ? -1 : 1))[0]?.contact.id ?? null;
  });
}

