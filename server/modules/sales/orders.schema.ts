import { Type } from '@sinclair/typebox';
import { ORDER_STATUSES } from '../../../contracts/orders.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { CustomValuesSchema } from '../customers/index.js';

const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217: CNY, USD.' });
const Money = (description: string) => Type.Integer({ description: `${description} Minor units (fen, cents) of the order's currency.` });

export const OrderLineSchema = Type.Object({
  position: Type.Integer(),
  productId: Uuid,
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.String({ description: 'Decimal, up to 3 places; negative on a return.' }),
  unitPrice: Money('Per unit.'),
  listPrice: Nullable(Type.Integer({ description: 'The price book’s price when the line was written.' })),
  discountPercent: Type.String(),
  taxRate: Type.String(),
  tax: Money('Tax of the line.'),
  total: Money('quantity × unit price × (1 − discount), without tax.'),
  warrantyEndsOn: Nullable(Type.String({ format: 'date', description: 'Order day + the product’s warranty months.' })),
});

const LineInput = Type.Object(
  {
    productId: Uuid,
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, multipleOf: 0.001 }),
    unitPrice: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units; absent: the catalog price.' }))),
    discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    taxRate: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Per cent, on the discounted amount.' })),
  },
  { additionalProperties: false },
);

const editable = {
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  opportunityId: Nullable(Uuid),
  quoteId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  orderedAt: Type.String({ format: 'date-time', description: 'When the customer ordered; default now.' }),
  externalRef: Nullable(Type.String({ maxLength: 100, description: 'The order’s id elsewhere; unique in the workspace.' })),
  notes: Nullable(Type.String({ maxLength: 5000 })),
  custom: CustomValuesSchema,
  lines: Type.Array(LineInput, { minItems: 1, maxItems: 500 }),
  priceBookId: Nullable(Uuid),
};

export const CreateOrderBody = Type.Composite(
  [
    Type.Object({ lines: editable.lines }),
    Type.Partial(Type.Object({ ...editable, currency: Currency, status: StringEnum(['draft', 'confirmed'] as const, { description: 'confirmed: a sale at once.' }) })),
  ],
  { additionalProperties: false, description: 'An account, a contact or both is required.' },
);
export const UpdateOrderBody = Type.Partial(Type.Object(editable), { additionalProperties: false, description: 'Drafts only; lines, when given, replace all of them.' });
export const OrderStatusBody = Type.Object({ status: StringEnum(ORDER_STATUSES) }, { additionalProperties: false });

const orderFields = {
  id: Uuid,
  number: Type.String({ description: 'SO-000123, or the source’s number for imported orders.' }),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  opportunityId: Nullable(Uuid),
  quoteId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
  status: StringEnum(ORDER_STATUSES),
  orderedAt: Timestamp,
  orderDate: Type.String({ format: 'date' }),
  confirmedAt: Nullable(Timestamp),
  fulfilledAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  currency: Currency,
  subtotal: Money('Σ quantity × unit price.'),
  discount: Money('What line discounts take off.'),
  tax: Money('Tax.'),
  total: Money('subtotal − discount + tax.'),
  externalRef: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  custom: CustomValuesSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const OrderSchema = Type.Object({ ...orderFields, name: Type.String({ description: 'The number again: the title record lists and boards show.' }), customerName: Nullable(Type.String({ description: 'The account’s name, else the contact’s.' })) });
export const OrderWithLinesSchema = Type.Object({ ...orderFields, lines: Type.Array(OrderLineSchema) });
export const DeletedOrderSchema = Type.Object({ ...orderFields, deletedAt: Timestamp, deletedBy: Nullable(Uuid) });
export const OrderListQuery = ListQuery;
