import type { ErrorCode, FieldErrorCode } from '../../../contracts/errors.js';

export interface FieldError {
  /** JSON path of the field, dot-separated: `email`, `addresses.0.city`. */
  field: string;
  code: FieldErrorCode;
  params?: Record<string, unknown>;
}

/**
 * An error the API answers with a 4xx (or a deliberate 5xx): a stable code, a status, parameters for the
 * translated message (`errors.<code>`), and optional per-field errors. Services throw these; the error
 * handler turns them into problem+json. Anything else that escapes is a 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** 404 for a record that does not exist *or* that the caller may not see: never reveal which. */
export const notFound = (resource: string) => new AppError('NOT_FOUND', 404, { resource });
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
/**
 * A translated reason inside an error's message (`reason` param): `filterReasons.<key>` with its params, so that
 * "the filter … is invalid: <reason>" reads whole in every language.
 */
export interface Reason {
  reasonKey: string;
  params?: Record<string, unknown>;
}
export const because = (reasonKey: string, params: Record<string, unknown> = {}): Reason => ({ reasonKey, params });

export const invalidField = (field: string, code: FieldErrorCode, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', 400, {}, [{ field, code, params }]);

/**
 * A record named in a request body, read through its module (which answers 404 when it is missing or not
 * readable): as a 400 naming the body's field instead, since the route itself was found.
 */
export async function readReferenced<T>(read: () => Promise<T>, field: string): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalidField(field, 'invalid');
    throw err;
  }
}
