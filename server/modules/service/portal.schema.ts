import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { CASE_STATUSES } from '../../../contracts/service.js';
import { ORDER_STATUSES } from '../../../contracts/orders.js';
import { Email, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './portal-cases.service.js';
import { PORTAL_KEY_PATTERN } from './portal.service.js';

// ——— Staff ———

const settingsFields = {
  enabled: Type.Boolean({ description: 'Customers may sign in.' }),
  portalKey: Type.String({ pattern: PORTAL_KEY_PATTERN, description: 'The portal’s address: <public URL>/portal/<portalKey>. Lower-case letters, digits, hyphens; unique.' }),
  color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Brand colour, #rrggbb.' }),
  welcomeText: Nullable(Type.String({ maxLength: 2000 })),
  caseTypeIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true, description: 'Case types customers may open; empty: every active type.' }),
};
export const PortalSettingsSchema = Type.Object({ ...settingsFields, updatedAt: Timestamp });
export const UpdatePortalSettingsBody = Type.Partial(Type.Object(settingsFields), { additionalProperties: false });

export const PortalAccessSchema = Type.Object({
  account: Nullable(Type.Object({ id: Uuid, email: Type.String(), createdAt: Timestamp, lastSignInAt: Nullable(Timestamp), disabledAt: Nullable(Timestamp) })),
  portalEnabled: Type.Boolean(),
  portalKey: Type.String(),
});
export const InviteResultSchema = Type.Object({ access: PortalAccessSchema, mailed: Type.Boolean({ description: 'false: the workspace has no mail account; the customer can still ask for a link on the sign-in page.' }) });

// ——— The customer's side ———

export const KeyParams = Type.Object({ key: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9-]+$', description: 'The portal key' }) }, { additionalProperties: false });
const CaseReference = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$', description: 'The case as the customer quotes it: CS-000123 (or 123).' });
export const CaseParams = Type.Object({ key: KeyParams.properties.key, reference: CaseReference }, { additionalProperties: false });
export const FileParams = Type.Object({ key: KeyParams.properties.key, reference: CaseReference, file: Uuid }, { additionalProperties: false });
export const ArticleParams = Type.Object({ key: KeyParams.properties.key, article: Uuid }, { additionalProperties: false });
export const TokenBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export const LinkRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordSignInBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const PasswordBody = Type.Object({ password: Type.String({ minLength: 8, maxLength: 200 }) }, { additionalProperties: false });
export const ArticleQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

const Attachment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: StringEnum(ATTACHMENT_TYPES, { description: 'Photos, PDF, plain text or an MP4 video.' }),
    content: Type.String({ minLength: 1, maxLength: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, description: `The file, base64; at most ${MAX_ATTACHMENT_BYTES / 1_048_576} MB.` }),
  },
  { additionalProperties: false },
);
const Attachments = Type.Array(Attachment, { maxItems: MAX_ATTACHMENTS });

export const OpenCaseBody = Type.Object(
  {
    typeId: Uuid,
    productId: Type.Optional(Nullable(Uuid)),
    subject: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    description: Type.String({ minLength: 1, maxLength: 10_000 }),
    attachments: Type.Optional(Attachments),
  },
  { additionalProperties: false },
);
export const ReplyBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 10_000 }), attachments: Type.Optional(Attachments) }, { additionalProperties: false });

export const BrandSchema = Type.Object({ key: Type.String(), name: Type.String(), color: Type.String(), welcomeText: Nullable(Type.String()), hasLogo: Type.Boolean(), defaultLanguage: StringEnum(LOCALES) });

const CaseSummary = {
  number: Type.Integer(),
  reference: Type.String({ description: 'CS-000123' }),
  subject: Type.String(),
  status: StringEnum(CASE_STATUSES),
  typeId: Nullable(Uuid),
  productId: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const PortalHomeSchema = Type.Object({
  customer: Type.Object({ name: Type.String(), email: Type.String(), hasPassword: Type.Boolean() }),
  cases: Type.Array(Type.Object(CaseSummary)),
  orders: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      status: StringEnum(ORDER_STATUSES),
      orderDate: Type.String({ format: 'date' }),
      currency: Type.String(),
      total: Type.Integer({ description: 'Minor units' }),
      lines: Type.Array(Type.Object({ productId: Uuid, sku: Type.String(), name: Type.String(), quantity: Type.Number(), warrantyEndsOn: Nullable(Type.String({ format: 'date' })) })),
    }),
  ),
  products: Type.Array(
    Type.Object({
      productId: Uuid,
      sku: Type.String(),
      name: Type.String(),
      quantity: Type.Number(),
      firstPurchasedOn: Type.String({ format: 'date' }),
      lastPurchasedOn: Type.String({ format: 'date' }),
      warrantyEndsOn: Nullable(Type.String({ format: 'date' })),
      underWarranty: Type.Boolean({ description: 'The warranty ends today or later (in the workspace’s time zone).' }),
    }),
  ),
  caseTypes: Type.Array(Type.Object({ id: Uuid, key: Nullable(Type.String()), name: Nullable(Type.String()) })),
});
export const PortalCaseSchema = Type.Object({
  ...CaseSummary,
  description: Nullable(Type.String()),
  resolvedAt: Nullable(Timestamp),
  survey: Nullable(Type.Object({ askNps: Type.Boolean(), answered: Type.Boolean(), csat: Nullable(Type.Integer()) }, { description: 'The latest resolution’s satisfaction survey, answered here (POST …/survey) or by its mailed link.' })),
  product: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  messages: Type.Array(
    Type.Object({
      id: Uuid,
      at: Timestamp,
      fromCustomer: Type.Boolean({ description: 'Written by the customer (else by the service desk).' }),
      body: Type.String(),
      attachments: Type.Array(Type.Object({ fileId: Uuid, name: Type.String(), contentType: Type.String(), size: Type.Integer() })),
    }),
  ),
});
export const ArticleHitsSchema = Type.Object({
  data: Type.Array(Type.Object({ id: Uuid, title: Type.String(), snippet: Type.String(), language: StringEnum(LOCALES), updatedAt: Timestamp })),
});
export const ArticleSchema = Type.Object({ id: Uuid, title: Type.String(), body: Type.String(), language: StringEnum(LOCALES), updatedAt: Timestamp });
