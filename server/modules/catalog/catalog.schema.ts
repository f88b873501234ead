import { Type } from '@sinclair/typebox';
import { MAX_UNIT_PRICE, PRICE_BOOK_KINDS } from '../../../contracts/catalog.js';
import { CustomValuesSchema, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { ENCODINGS } from '../customers/index.js';

const Text = (max: number, description?: string) => Nullable(Type.String({ maxLength: max, ...(description ? { description } : {}) }));
const Name = (description: string) => Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description });
/** ISO 4217; the service also refuses well-formed codes that are no currency (`XYZ`). */
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code: CNY, USD, EUR…' });
export const UnitPrice = Type.Integer({ minimum: 0, maximum: MAX_UNIT_PRICE, description: 'Per unit, in minor units of the currency (fen, cents; yen as is). Never a float.' });

const PriceSchema = Type.Object({
  priceBookId: Uuid,
  priceBookName: Type.String(),
  kind: StringEnum(PRICE_BOOK_KINDS),
  currency: Type.String(),
  isDefault: Type.Boolean({ description: 'A list price: the price in the default book of its currency.' }),
  active: Type.Boolean(),
  unitPrice: Type.Integer({ description: 'Minor units of the currency.' }),
});

const productFields = {
  sku: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: 'Stock keeping unit: unique in the workspace, compared without case.' }),
  name: Name('Product or service name: 智能手环 S2, GTX Pro.'),
  description: Text(5000),
  categoryId: Nullable(Uuid),
  unit: Text(40, 'How it is counted: piece, box, hour… (free text).'),
  warrantyMonths: Nullable(Type.Integer({ minimum: 0, maximum: 1200 })),
  active: Type.Boolean({ description: 'Inactive products cannot be added to new quotes and orders.' }),
  custom: CustomValuesSchema,
};

export const ListPriceInput = Type.Object({ currency: Currency, unitPrice: UnitPrice }, { additionalProperties: false });

export const ProductSchema = Type.Object({
  id: Uuid,
  ...productFields,
  categoryName: Nullable(Type.String()),
  listPrices: Type.Array(PriceSchema, { description: 'Prices in the default book of each currency.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const DeletedProductSchema = Type.Composite([ProductSchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

const { sku, name, ...optional } = productFields;
const listPrices = Type.Array(ListPriceInput, { maxItems: 20, description: 'List prices to set: each goes into the default book of its currency (made when missing).' });
export const CreateProductBody = Type.Composite([Type.Object({ sku, name }), Type.Partial(Type.Object({ ...optional, listPrices }))], { additionalProperties: false });
export const UpdateProductBody = Type.Partial(Type.Object({ ...productFields, listPrices }), { additionalProperties: false });
export const ProductPricesSchema = Type.Object({ data: Type.Array(PriceSchema) });

export const ImportProductsBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    content: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9+/=\\s]+$', description: 'The CSV or XLSX file, base64.' }),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: "ISO 4217 currency of the price column; default: the workspace's." })),
    encoding: Type.Optional(StringEnum(ENCODINGS, { description: 'Force a CSV encoding instead of detecting it.' })),
  },
  { additionalProperties: false },
);
export const ImportResultSchema = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  currency: Type.String(),
  priceBookId: Nullable(Uuid),
  mapping: Type.Array(Nullable(Type.String()), { description: 'The field each column went to; null: not imported.' }),
  problems: Type.Array(Type.Object({ rowNo: Type.Integer(), field: Type.String(), code: Type.String(), message: Type.String() })),
});

const categoryFields = { name: Name('Category name.'), parentId: Nullable(Uuid) };
export const CategorySchema = Type.Object({ id: Uuid, ...categoryFields, productCount: Type.Integer(), createdAt: Timestamp, updatedAt: Timestamp });
export const CreateCategoryBody = Type.Composite([Type.Object({ name: categoryFields.name }), Type.Partial(Type.Object({ parentId: categoryFields.parentId }))], { additionalProperties: false });
export const UpdateCategoryBody = Type.Partial(Type.Object(categoryFields), { additionalProperties: false });

const priceBookFields = {
  name: Name('Price book name: 渠道价, Retail 2025.'),
  kind: StringEnum(PRICE_BOOK_KINDS, { description: PRICE_BOOK_KINDS.join(', ') }),
  currency: Currency,
  isDefault: Type.Boolean({ description: "The currency's list prices; one default book per currency (setting one unsets the other)." }),
  active: Type.Boolean({ description: 'Inactive books cannot price new line items.' }),
  description: Text(2000),
};
export const PriceBookSchema = Type.Object({ id: Uuid, ...priceBookFields, createdAt: Timestamp, updatedAt: Timestamp });
const { name: bookName, currency, ...bookOptional } = priceBookFields;
export const CreatePriceBookBody = Type.Composite([Type.Object({ name: bookName, currency }), Type.Partial(Type.Object(bookOptional))], { additionalProperties: false });
export const UpdatePriceBookBody = Type.Partial(Type.Object(priceBookFields), { additionalProperties: false });

export const EntrySchema = Type.Object({
  productId: Uuid,
  productName: Type.String(),
  sku: Type.String(),
  unit: Nullable(Type.String()),
  active: Type.Boolean(),
  unitPrice: Type.Integer(),
  updatedAt: Timestamp,
});
export const EntryPageSchema = Type.Object({ data: Type.Array(EntrySchema), nextCursor: Nullable(Type.String()), currency: Type.String() });
export const UpsertEntriesBody = Type.Object(
  { entries: Type.Array(Type.Object({ productId: Uuid, unitPrice: UnitPrice }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export const EntryParams = Type.Object({ id: Uuid, productId: Uuid }, { additionalProperties: false });
