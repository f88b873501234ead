import { Type } from '@sinclair/typebox';
import { ACCOUNT_SIZES, ACCOUNT_TIERS, ACCOUNT_TYPES, CONTACT_ROLES, CREDIT_STATUSES } from '../../../contracts/customers.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { ContactSchema } from './contacts.schema.js';
import { AddressSchema, CustomValuesSchema, LifecycleSchema, PhoneSchema, TagsSchema, Text } from './common.schema.js';

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Registered or common name: 华为技术有限公司, Siemens AG.' }),
  type: StringEnum(ACCOUNT_TYPES, { description: ACCOUNT_TYPES.join(', ') }),
  industry: Text(100),
  size: Nullable(StringEnum(ACCOUNT_SIZES)),
  tier: Nullable(StringEnum(ACCOUNT_TIERS)),
  region: Text(100),
  website: Nullable(Type.String({ maxLength: 300, pattern: '^(https?://)?[^\\s/$.?#][^\\s]*\\.[^\\s]+$' })),
  phone: PhoneSchema,
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  parentId: Nullable(Uuid),
  creditStatus: Nullable(StringEnum(CREDIT_STATUSES)),
  creditLimit: Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units (fen, cents) of currency.' })),
  currency: Nullable(Type.String({ pattern: '^[A-Z]{3}$' })),
  tags: TagsSchema,
  source: Text(100),
  lifecycleStage: LifecycleSchema,
  addresses: Type.Array(AddressSchema, { maxItems: 10 }),
  ownerId: Nullable(Uuid),
  custom: CustomValuesSchema,
};

export const AccountSchema = Type.Object({
  id: Uuid,
  ...fields,
  addresses: Type.Array(Type.Object({ ...AddressSchema.properties })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const { name, ...optional } = fields;
export const CreateAccountBody = Type.Composite([Type.Object({ name }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateAccountBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export const AccountListQuery = ListQuery;
export const DeletedAccountSchema = Type.Composite([AccountSchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

export const LinkParams = Type.Object({ id: Uuid, contactId: Uuid }, { additionalProperties: false });
export const LinkBody = Type.Object(
  { role: Type.Optional(StringEnum(CONTACT_ROLES, { description: CONTACT_ROLES.join(', ') })), isPrimary: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const AccountContactSchema = Type.Object({ contact: ContactSchema, role: StringEnum(CONTACT_ROLES), isPrimary: Type.Boolean() });
export const ContactAccountSchema = Type.Object({ account: AccountSchema, role: StringEnum(CONTACT_ROLES), isPrimary: Type.Boolean() });
