/** Enumerations of the customers module, shared by server and web. Stored values: never rename one. */
export const ACCOUNT_TYPES = ['customer', 'prospect', 'partner', 'supplier', 'competitor'] as const;
export const ACCOUNT_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export const ACCOUNT_TIERS = ['A', 'B', 'C'] as const;
export const CREDIT_STATUSES = ['good', 'watch', 'hold'] as const;
/** The customer lifecycle: target → prospect → customer → member → fan. */
export const LIFECYCLE_STAGES = ['target', 'prospect', 'customer', 'member', 'fan'] as const;
export const CONTACT_ROLES = ['decision_maker', 'influencer', 'user', 'other'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping', 'office', 'other'] as const;

export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type AccountSize = (typeof ACCOUNT_SIZES)[number];
export type AccountTier = (typeof ACCOUNT_TIERS)[number];
export type CreditStatus = (typeof CREDIT_STATUSES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** What an import can fill, and what it does with a row that matches an existing record. */
export const IMPORT_OBJECTS = ['contacts', 'accounts'] as const;
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type ImportObject = (typeof IMPORT_OBJECTS)[number];
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export const HANDLE_TYPES = ['qq', 'whatsapp', 'line', 'telegram', 'linkedin', 'weibo', 'twitter', 'other'] as const;
export type HandleType = (typeof HANDLE_TYPES)[number];

/**
 * The fields a column of an import can go to, per object (the keys of IMPORT_TARGETS in
 * server/modules/customers/import-mapping.ts, which also knows the header spellings of each).
 */
export const IMPORT_FIELDS: Record<ImportObject, readonly string[]> = {
  contacts: ['name', 'firstName', 'lastName', 'company', 'title', 'email', 'phone'],
  accounts: ['name', 'type', 'industry', 'employees', 'region', 'website', 'phone', 'email', 'source', 'parentName', 'street', 'city', 'state', 'postalCode', 'country'],
};

/** Kinds of custom field an admin can add to an object. Stored values: never rename one. */
export const CUSTOM_FIELD_TYPES = ['text', 'long_text', 'number', 'currency', 'date', 'datetime', 'boolean', 'single_select', 'multi_select', 'user', 'lookup'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
