import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../contracts/roles.js';
import { localeFromAcceptLanguage } from '../i18n/i18n.js';

/** The language to answer in: the user's setting, else Accept-Language, else English. */
export function requestLocale(request: FastifyRequest): Locale {
  return request.auth?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en';
}
