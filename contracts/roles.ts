/** Roles a member can hold in a workspace. Stable: stored in the database and used by the API. */
/** `station`: staff of a service station, who see only their station's work orders (field service). */
export const ROLES = ['admin', 'manager', 'sales', 'service', 'marketing', 'read_only', 'station'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes an API key can carry. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
