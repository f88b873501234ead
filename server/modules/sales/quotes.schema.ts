import { Type } from '@sinclair/typebox';
import { QUOTE_STATUSES } from '../../../contracts/quotes.js';
import { LOCALES } from '../../../contracts/roles.js';
import { Email, ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Percent = (description: string) => Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01, description });
const Money = (description: string) => Type.Integer({ description: `${description} Minor units (fen, cents).` });
const Decimal = (description: string) => Type.String({ description });

export const QuoteLineSchema = Type.Object({
  position: Type.Integer(),
  productId: Uuid,
  sku: Type.String(),
  name: Type.String(),
  unit: Nullable(Type.String()),
  description: Nullable(Type.String()),
  quantity: Decimal('Up to 3 decimals.'),
  unitPrice: Money('Price per unit as quoted.'),
  listPrice: Nullable(Money('The price book’s price when quoted.')),
  discountPercent: Decimal('The line’s own discount, per cent.'),
  taxRate: Nullable(Decimal('Per cent; null: the quote’s rate.')),
  subtotal: Money('quantity × unit price.'),
  discount: Money('The line’s discount and its share of the quote’s.'),
  tax: Money('Tax on the discounted amount.'),
  total: Money('subtotal − discount + tax.'),
});

const header = {
  id: Uuid,
  number: Type.Integer({ description: 'Per workspace; shown as Q-000123. Versions share it.' }),
  version: Type.Integer({ minimum: 1 }),
  opportunityId: Uuid,
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  status: StringEnum(QUOTE_STATUSES, { description: 'A sent quote past validUntil reads as expired.' }),
  language: StringEnum(LOCALES, { description: 'Language of the proposal and its mail.' }),
  currency: Type.String(),
  validUntil: Type.String({ format: 'date' }),
  discountPercent: Decimal('Discount on the whole quote, per cent, after line discounts.'),
  taxRate: Decimal('Tax of lines without their own rate, per cent.'),
  terms: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  subtotal: Money('Sum of line subtotals.'),
  discount: Money('All discounts.'),
  tax: Money('All tax.'),
  total: Money('What the customer pays.'),
  effectiveDiscountPercent: Decimal('All discounts against list prices, per cent: compared with the approval threshold.'),
  approvalRequestedBy: Nullable(Uuid),
  approvalRequestedAt: Nullable(Timestamp),
  approvalDecision: Nullable(StringEnum(['approved', 'rejected'] as const)),
  approvalDecidedBy: Nullable(Uuid),
  approvalDecidedAt: Nullable(Timestamp),
  approvalComment: Nullable(Type.String()),
  sentAt: Nullable(Timestamp),
  decidedAt: Nullable(Timestamp),
  orderId: Nullable(Uuid),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const QuoteSummarySchema = Type.Object(header);
export const QuoteSchema = Type.Object({
  ...header,
  needsApproval: Type.Boolean({ description: 'The effective discount is above the workspace’s threshold.' }),
  lines: Type.Array(QuoteLineSchema),
});

const LineInput = Type.Object(
  {
    productId: Uuid,
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, multipleOf: 0.001 }),
    unitPrice: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units; absent: the catalog price.' }))),
    discountPercent: Type.Optional(Percent('The line’s discount.')),
    taxRate: Type.Optional(Nullable(Percent('The line’s tax; null: the quote’s.'))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const content = {
  language: StringEnum(LOCALES),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; default: the deal’s.' }),
  validUntil: Type.String({ format: 'date', description: 'Default: today plus the workspace’s validity days.' }),
  discountPercent: Percent('Discount on the whole quote.'),
  taxRate: Percent('Tax of lines without their own rate.'),
  terms: Nullable(Type.String({ maxLength: 10_000 })),
  notes: Nullable(Type.String({ maxLength: 10_000 })),
  contactId: Nullable(Uuid),
  lines: Type.Array(LineInput, { maxItems: 200, description: 'On creation, absent: the deal’s products.' }),
};
export const CreateQuoteBody = Type.Partial(Type.Object(content), { additionalProperties: false });
export const UpdateQuoteBody = Type.Partial(Type.Object(content), { additionalProperties: false });
export const QuoteListQuery = ListQuery;
export const CommentBody = Type.Object({ comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { decision: StringEnum(['approved', 'rejected'] as const), comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);
export const OutcomeBody = Type.Object({ outcome: StringEnum(['accepted', 'rejected'] as const, { description: 'The customer’s answer.' }) }, { additionalProperties: false });
export const SendQuoteBody = Type.Object(
  {
    to: Type.Optional(Email),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'Default: a short cover letter in the quote’s language.' })),
  },
  { additionalProperties: false },
);

export const QuoteSettingsSchema = Type.Object({
  approvalThresholdPercent: Decimal('A quote whose effective discount is above this needs approval.'),
  validityDays: Type.Integer(),
  winDealOnAccept: Type.Boolean(),
  defaultTerms: Nullable(Type.String()),
  defaultTaxRate: Decimal('Per cent.'),
  logoFileId: Nullable(Uuid),
});
export const UpdateQuoteSettingsBody = Type.Partial(
  Type.Object({
    approvalThresholdPercent: Percent('Above this effective discount a quote needs approval.'),
    validityDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    winDealOnAccept: Type.Boolean({ description: 'An accepted quote wins its deal.' }),
    defaultTerms: Nullable(Type.String({ maxLength: 10_000 })),
    defaultTaxRate: Percent('Tax of new quotes.'),
    logoFileId: Nullable(Type.String({ format: 'uuid', description: 'A PNG or JPEG uploaded through /files, printed on proposals.' })),
  }),
  { additionalProperties: false },
);
