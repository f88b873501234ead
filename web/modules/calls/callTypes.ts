import { LOCALES, type Locale } from '../../../contracts/roles';

/** The query key of GET /calls/types (the settings page and every call card share it). */
export const CALL_TYPES_KEY = ['/calls/types'] as const;

/** Which calls a type is the first choice for. */
export const CALL_TYPE_DEFAULTS = ['inbound_known', 'inbound_unknown', 'outbound'] as const;
export type CallTypeDefault = (typeof CALL_TYPE_DEFAULTS)[number];

/** A kind of call with its script (话术) per language (GET /calls/types). */
export interface CallType {
  id: string;
  names: Partial<Record<Locale, string>>;
  scripts: Partial<Record<Locale, string>>;
  defaultFor: CallTypeDefault[];
  position: number;
}

/** A type's name in a language, else in the first language it has one in. */
export function callTypeName(type: Pick<CallType, 'names'>, locale: Locale): string {
  return type.names[locale] ?? LOCALES.map((l) => type.names[l]).find(Boolean) ?? '';
}

/** The kind of a call for choosing its first type: by direction and, inbound, whether the caller is known. */
export function kindOfCall(call: { direction: 'inbound' | 'outbound'; contacts: unknown[] }): CallTypeDefault {
  if (call.direction === 'outbound') return 'outbound';
  return call.contacts.length > 0 ? 'inbound_known' : 'inbound_unknown';
}

/** The type a call's card starts with: the one set as default for its kind, else the first. */
export function defaultCallType<T extends Pick<CallType, 'id' | 'defaultFor'>>(types: T[], kind: CallTypeDefault): T | null {
  return types.find((type) => type.defaultFor.includes(kind)) ?? types[0] ?? null;
}
