import type { ApiKeyScope, Locale, Role } from '../../../contracts/roles.js';

/** Who is calling, in which workspace: what every service function receives beside its transaction. */
export interface RequestContext {
  workspaceId: string;
  /** The signed-in user; null when a program calls with an API key. */
  userId: string | null;
  apiKeyId: string | null;
  role: Role;
  teamId: string | null;
  locale: Locale;
  timeZone: string;
  /** The workspace's default country (ISO 3166-1), for reading phone numbers without a country code. */
  country: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null on public routes called anonymously. */
    auth: RequestContext | null;
    /** Raw session token of a cookie-authenticated request (for sign-out and workspace switch). */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Route answers without authentication. */
    public?: boolean;
    /** Programs (API keys) may not call this route even with the write scope. */
    sessionOnly?: boolean;
  }
}

export type { ApiKeyScope };
