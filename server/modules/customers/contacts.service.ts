import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import type { ListParams, ListSpec } from '../../platform/http/list-query.js';
import { phoneField } from '../../platform/phones.js';
import { cleanText } from '../../platform/text.js';
import { ownedRecords } from '../../platform/records/owned-records.js';
import { normalizeText } from '../../platform/search/normalize.js';
import { searchKeys } from '../../platform/search/search-keys.js';
import { nameCompanyKey } from './contacts.duplicates.js';
import { contacts } from './contacts.tables.js';

export type Contact = typeof contacts.$inferSelect;
export type ContactInput = Partial<Omit<Contact, 'workspaceId' | 'id' | 'searchKeys' | 'searchText' | 'identityKey' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'>> & { name: string };

export const contactListSpec: ListSpec = {
  fields: {
    name: { column: contacts.name, type: 'text', sortable: true },
    company: { column: contacts.company, type: 'text' },
    title: { column: contacts.title, type: 'text' },
    email: { column: contacts.email, type: 'text' },
    phone: { column: contacts.phone, type: 'text' },
    department: { column: contacts.department, type: 'text' },
    source: { column: contacts.source, type: 'text' },
    lifecycleStage: { column: contacts.lifecycleStage, type: 'text' },
    wechatId: { column: contacts.wechatId, type: 'text' },
    birthday: { column: contacts.birthday, type: 'text' },
    ownerId: { column: contacts.ownerId, type: 'uuid' },
    createdAt: { column: contacts.createdAt, type: 'timestamp', sortable: true },
    updatedAt: { column: contacts.updatedAt, type: 'timestamp', sortable: true },
  },
  id: contacts.id,
  defaultSort: '-createdAt',
};

/** Trims text and turns blanks into null; lower-cases e-mail. */
/**
 * Contact fields as stored: trimmed, e-mail lower-cased, phone in E.164 (read in the workspace's country
 * when it has no country code; unreadable → 400 on `phone`), and the search columns rebuilt from the
 * whole record.
 */
const TEXT_FIELDS = ['company', 'title', 'department', 'wechatId', 'source'] as const;

/** Exported for bench/search.ts, so that the rows it bulk-loads are exactly what the product stores. */
export async function contactColumns(_tx: Executor, ctx: RequestContext, input: Partial<ContactInput>, before: Contact | null): Promise<Partial<Contact>> {
  const values: Partial<Contact> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && key !== 'ownerId' && key !== 'custom') (values as Record<string, unknown>)[key] = value;
  if (input.name !== undefined) values.name = input.name.trim();
  for (const key of TEXT_FIELDS) if (input[key] !== undefined) values[key] = cleanText(input[key]) ?? null;
  if (input.email !== undefined) values.email = cleanText(input.email, true) ?? null;
  if (input.phone !== undefined) values.phone = phoneField(input.phone, ctx.country, 'phone');
  if (input.otherEmails !== undefined) values.otherEmails = [...new Set(input.otherEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (input.otherPhones !== undefined) {
    values.otherPhones = [...new Set(input.otherPhones.map((p, i) => phoneField(p, ctx.country, `otherPhones.${i}`)).filter((p): p is string => Boolean(p)))];
  }
  if (input.tags !== undefined) values.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  const whole = { ...before, ...values } as Contact;
  values.searchKeys = searchKeys({
    name: whole.name,
    isPersonName: true,
    company: whole.company,
    emails: [whole.email, ...(whole.otherEmails ?? [])],
    phones: [whole.phone, ...(whole.otherPhones ?? [])],
  });
  values.searchText = normalizeText([whole.name, whole.company, whole.email].filter(Boolean).join(' '));
  values.identityKey = nameCompanyKey(whole.name, whole.company);
  return values;
}

const records = ownedRecords<Contact, ContactInput>({ table: contacts, recordType: 'contact', listSpec: contactListSpec, toColumns: contactColumns, customFieldsOf: 'contacts', extensibleAs: 'contacts' });

export const listContacts = (tx: Executor, ctx: RequestContext, params: ListParams) => records.list(tx, ctx, params);
/** Contacts in the recycle bin that the caller could have deleted, most recently deleted first. */
export const listDeletedContacts = (tx: Executor, ctx: RequestContext, params: ListParams) => records.listDeleted(tx, ctx, params);
/** A contact the caller may read; 404 when it does not exist, is in the recycle bin or is outside their scope. */
export const getContact = records.get;
export const createContact = records.create;
/** Many at once, each validated alone (imports). */
export const createContacts = records.createMany;
export const updateContact = records.update;
/** Moves a contact to the recycle bin. */
export const deleteContact = records.remove;
export const restoreContact = records.restore;
