import { Type } from '@sinclair/typebox';
import { HANDLE_TYPES } from '../../../contracts/customers.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { AddressSchema, CustomValuesSchema, LifecycleSchema, PhoneSchema, TagsSchema, Text } from './common.schema.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const HandleSchema = Type.Object({ type: StringEnum(HANDLE_TYPES), value: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Full name as written: 王伟, Wang Wei, Anna Müller.' }),
  company: Text(200),
  title: Text(100),
  department: Text(100),
  email: Nullable(Email),
  phone: PhoneSchema,
  otherEmails: Type.Array(Email, { maxItems: 10 }),
  otherPhones: Type.Array(Type.String({ maxLength: 40, pattern: '^[+0-9()\\-\\s.]*$' }), { maxItems: 10 }),
  birthday: Nullable(Type.String({ format: 'date', description: 'YYYY-MM-DD' })),
  wechatId: Text(100),
  handles: Type.Array(HandleSchema, { maxItems: 20 }),
  addresses: Type.Array(AddressSchema, { maxItems: 10 }),
  tags: TagsSchema,
  source: Text(100),
  lifecycleStage: LifecycleSchema,
  ownerId: Nullable(Uuid),
  custom: CustomValuesSchema,
};

export const ContactSchema = Type.Object({
  id: Uuid,
  ...fields,
  handles: Type.Array(Type.Object({ ...HandleSchema.properties })),
  addresses: Type.Array(Type.Object({ ...AddressSchema.properties })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const { name, ...optional } = fields;
export const CreateContactBody = Type.Composite([Type.Object({ name }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateContactBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export const ContactListQuery = ListQuery;

export const DuplicateCheckBody = Type.Object(
  {
    name,
    company: Type.Optional(fields.company),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    excludeId: Type.Optional(Uuid),
  },
  { additionalProperties: false, description: 'The record about to be saved; excludeId: the record being edited.' },
);

export const DuplicateListSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      contact: ContactSchema,
      score: Type.Number({ minimum: 0, maximum: 1, description: 'How likely the same person.' }),
      reasons: Type.Array(Type.String(), { description: 'email, phone, name_company, similar_name_company, name' }),
    }),
  ),
});

export const DeletedContactSchema = Type.Composite([ContactSchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

export const MergeContactsBody = Type.Object(
  {
    primaryId: Uuid,
    mergeIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, description: 'Duplicates to merge into the primary.' }),
    fields: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Uuid, { description: 'For a field, the id of the record whose value to keep (default: the primary, else the first that has one).' }),
    ),
  },
  { additionalProperties: false },
);

export const MergeHistorySchema = Type.Object({
  id: Uuid,
  primaryId: Uuid,
  mergedIds: Type.Array(Uuid),
  setAside: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), { description: 'Values not kept, by merged record and field.' }),
  mergedBy: Nullable(Uuid),
  at: Timestamp,
});
