import type { Contact } from '../../app/types';
import { toE164 } from '../../ui/phone';

/** The contact form's fields. */
export interface ContactValues {
  name: string;
  company?: string;
  title?: string;
  email?: string;
  phone?: string;
  ownerId?: string | null;
}

type Body = Partial<Record<keyof ContactValues, string | null>>;

const trim = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : value);

/** A new contact's body: only the fields that were filled in (the API checks an empty string as a value). */
export function filledFields(values: ContactValues): Body {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, trim(value)])
      .filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
}

/**
 * A PATCH body: the fields that differ from the contact; a cleared field is null. A phone that reads as
 * the stored number (typed in another format) is not a change.
 */
export function changedFields(contact: Contact, values: ContactValues, country: string): Body {
  const patch: Body = {};
  for (const key of Object.keys(values) as (keyof ContactValues)[]) {
    if (values[key] === undefined) continue;
    const value = trim(values[key]) || null;
    const before = contact[key] ?? null;
    if (key === 'phone' && value && toE164(value, country) === before) continue;
    if (value !== before) patch[key] = value;
  }
  return patch;
}
