import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../contracts/errors.js';
import { translator } from '../i18n/i18n.js';
import { fieldErrorsFromAjv } from '../http/validation.js';
import { AppError, type FieldError, type Reason } from './app-error.js';
import { requestLocale } from '../http/locale.js';
import type { Locale } from '../../../contracts/roles.js';

/** Fastify's own 4xx errors, by its error code, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

function toAppError(error: FastifyError, request: FastifyRequest): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new AppError('VALIDATION_FAILED', 400, {}, fieldErrorsFromAjv(error.validation as never, error.validationContext));
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', 429, { after: (error as { after?: string }).after ?? '' });
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) {
    return new AppError(mapped, error.statusCode ?? 400, {
      limit: request.routeOptions.bodyLimit,
      contentType: request.headers['content-type'] ?? '',
    });
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON') return new AppError('MALFORMED_JSON', 400);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', error.statusCode);
  }
  return null;
}

/** A field's name as people read it (`fields.email` → 邮箱), by its last path segment; else the path. */
function fieldLabel(t: ReturnType<typeof translator>, path: string): string {
  const last = path.split('.').at(-1) ?? path;
  return t(`fields.${last}`, { defaultValue: '' }) || path;
}

const isReason = (value: unknown): value is Reason => typeof value === 'object' && value !== null && typeof (value as Reason).reasonKey === 'string';

/** An error's message and per-field messages in `locale` (for problem responses and bulk results). */
export function describeError(error: AppError, locale: Locale, requestId = '') {
  const t = translator(locale);
  const resource = typeof error.params.resource === 'string' ? t(`resources.${error.params.resource}`) : undefined;
  const reason = isReason(error.params.reason) ? t(`filterReasons.${error.params.reason.reasonKey}`, error.params.reason.params) : error.params.reason;
  const message = t(`errors.${error.code}`, { ...error.params, resource, reason, requestId });
  const errors = error.fieldErrors.map((f: FieldError) => ({
    field: f.field,
    code: f.code,
    // A `label` param names the field as its form shows it (web forms' own questions).
    message: t(`validation.${f.code}`, { ...f.params, field: typeof f.params?.label === 'string' ? f.params.label : fieldLabel(t, f.field) }),
  }));
  return { message, errors };
}

/** The one place errors become RFC 9457 problem+json responses, in the caller's language. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const locale = requestLocale(request);
  const { message, errors } = describeError(error, locale, request.id);
  return reply
    .status(error.status)
    .header('content-language', locale)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://guanxi.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: message,
      status: error.status,
      code: error.code,
      detail: errors.length === 1 ? errors[0]!.message : message,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(errors.length > 0 ? { errors } : {}),
    });
}

/** `spaIndex`: the web app's index.html, served for unknown non-API GETs so that deep links work. */
export function registerErrorHandling(app: FastifyInstance, spaIndex: string | null = null): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError) return sendProblem(reply, request, appError);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, new AppError('INTERNAL', 500));
  });
  app.setNotFoundHandler((request, reply) => {
    if (spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').send(spaIndex);
    return sendProblem(reply, request, new AppError('ROUTE_NOT_FOUND', 404, { method: request.method, url: request.url.split('?')[0] }));
  });
}
