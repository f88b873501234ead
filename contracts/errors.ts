/**
 * Stable error codes of the API (the `code` member of every problem+json). They are API: never rename
 * one. Each has a message in web/i18n/<locale>.json under `errors.<CODE>`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DEACTIVATED',
  'EMAIL_TAKEN',
  'ALREADY_MEMBER',
  'INVITE_INVALID',
  'RESET_TOKEN_INVALID',
  'LAST_ADMIN',
  'INVALID_CURSOR',
  'INVALID_FILTER',
  'INVALID_FILTER_LOGIC',
  'INVALID_SORT',
  'CONFLICT',
  'MAILBOX_UNREACHABLE',
  'MAILBOX_LOGIN_FAILED',
  'MAILBOX_FOLDER_NOT_FOUND',
  'STAGE_IN_USE',
  'LEAD_ALREADY_CONVERTED',
  'SKU_TAKEN',
  'CATEGORY_NOT_EMPTY',
  'TELEPHONY_NOT_CONFIGURED',
  'EXTENSION_NOT_SET',
  'PBX_UNAVAILABLE',
  'ORDER_NOT_DRAFT',
  'ORDER_STATUS_CHANGE',
  'ORDER_NOT_DELETABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Per-field rule codes, with messages under `validation.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'type',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'pattern',
  'unknown',
  'minItems',
  'maxItems',
  'invalid',
  'taken',
  'afterStart',
  'spanTooLong',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
