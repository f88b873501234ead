import { Type } from '@sinclair/typebox';
import { ADDRESS_KINDS, LIFECYCLE_STAGES } from '../../../contracts/customers.js';
import { Nullable, StringEnum } from '../../platform/http/schemas.js';

/** Schema pieces shared by accounts and contacts. */
export const Text = (max: number) => Nullable(Type.String({ maxLength: max }));

export const AddressSchema = Type.Object(
  {
    kind: StringEnum(ADDRESS_KINDS),
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Text(200)),
    city: Type.Optional(Text(100)),
    region: Type.Optional(Text(100)),
    postalCode: Type.Optional(Text(20)),
    country: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{2}$' }))),
  },
  { additionalProperties: false },
);

/** As typed: 138 0013 8000, +86-138-0013-8000; stored in E.164. */
export const PhoneSchema = Nullable(Type.String({ maxLength: 40, pattern: '^[+0-9()\\-\\s.]*$' }));
export const TagsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 });
export const LifecycleSchema = Nullable(StringEnum(LIFECYCLE_STAGES, { description: LIFECYCLE_STAGES.join(' → ') }));
export { CustomValuesSchema } from '../../platform/http/schemas.js';
