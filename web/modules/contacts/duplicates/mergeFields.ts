import type { Contact } from '../../../app/types';

/** The fields of a contact a merge chooses between, in the order shown (the rest are combined by the server). */
export const MERGE_FIELDS = ['name', 'company', 'title', 'department', 'email', 'phone', 'birthday', 'wechatId', 'source', 'lifecycleStage', 'ownerId'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const valueOf = (contact: Contact, field: MergeField) => contact[field] ?? null;

/** The fields whose filled values differ among the contacts: where someone has to choose. */
export function differingFields(contacts: Contact[]): MergeField[] {
  return MERGE_FIELDS.filter((field) => new Set(contacts.map((c) => valueOf(c, field)).filter((v) => v !== null && v !== '')).size > 1);
}

/** The default choice per differing field: the primary's value when it has one, else the first that has. */
export function defaultChoices(contacts: Contact[], primaryId: string): Record<string, string> {
  const primary = contacts.find((c) => c.id === primaryId);
  const choices: Record<string, string> = {};
  for (const field of differingFields(contacts)) {
    const holder = primary && valueOf(primary, field) ? primary : contacts.find((c) => valueOf(c, field));
    if (holder) choices[field] = holder.id;
  }
  return choices;
}

/** The translation key of a merge field's label. */
export const fieldLabelKey = (field: MergeField) => (field === 'title' ? 'fields.jobTitle' : `fields.${field}`);
