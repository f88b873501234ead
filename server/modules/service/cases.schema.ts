import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../contracts/roles.js';
import { CASE_CHANNELS, CASE_MESSAGE_KINDS, CASE_PRIORITIES, CASE_STATUSES } from '../../../contracts/service.js';
import { CustomValuesSchema, ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const fields = {
  subject: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
  description: Nullable(Type.String({ maxLength: 10_000 })),
  typeId: Nullable(Uuid),
  channel: StringEnum(CASE_CHANNELS),
  priority: StringEnum(CASE_PRIORITIES),
  language: Nullable(StringEnum(LOCALES, { description: 'The customer’s language; routing may want agents who speak it.' })),
  queueId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  accountId: Nullable(Uuid),
  productId: Nullable(Uuid),
  orderId: Nullable(Type.String({ format: 'uuid', description: 'An order of the orders module.' })),
  ownerId: Nullable(Uuid),
  custom: CustomValuesSchema,
};

const RoutingCandidateSchema = Type.Object({
  userId: Uuid,
  score: Type.Integer(),
  skillsMatched: Type.Array(Type.String()),
  skillsMissing: Type.Array(Type.String()),
  openCases: Type.Integer(),
  excluded: Type.Optional(Type.String({ description: 'away or at_capacity' })),
});
const RoutingSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  ruleId: Nullable(Uuid),
  queueId: Nullable(Uuid),
  agentId: Nullable(Uuid),
  skillsWanted: Type.Array(Type.String()),
  candidates: Type.Array(RoutingCandidateSchema),
});

export const CaseSchema = Type.Object({
  id: Uuid,
  name: Type.Optional(Type.String({ description: 'Lists only: the subject, under the name generic record lists show.' })),
  number: Type.Integer({ description: 'Per workspace; shown as <prefix>-000123.' }),
  ...fields,
  status: StringEnum(CASE_STATUSES),
  firstResponseAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  reopenCount: Type.Integer(),
  mergedInto: Nullable(Uuid),
  routing: Nullable(RoutingSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const DeletedCaseSchema = Type.Composite([CaseSchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

const Assign = Type.Optional(Type.Boolean({ description: 'Route it: the queue by the routing rules (unless queueId is given), the agent by skills, workload and availability (unless ownerId is given).' }));
const { subject, channel, ...optional } = fields;
export const CreateCaseBody = Type.Composite([Type.Object({ subject, channel }), Type.Partial(Type.Object(optional)), Type.Object({ assign: Assign })], { additionalProperties: false });
export const UpdateCaseBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

const { contactId: _contactId, channel: _channel, subject: _subject, ...batchOptional } = fields;
export const CreateCasesBody = Type.Object(
  {
    contactId: Nullable(Uuid),
    accountId: Type.Optional(Nullable(Uuid)),
    channel,
    language: Type.Optional(fields.language),
    assign: Assign,
    cases: Type.Array(Type.Composite([Type.Object({ subject }), Type.Partial(Type.Object(batchOptional))], { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const CaseListQuery = ListQuery;
export const StatusBody = Type.Object({ status: StringEnum(CASE_STATUSES) }, { additionalProperties: false });
export const AssignBody = Type.Object({ userId: Nullable(Uuid) }, { additionalProperties: false });
export const MergeBody = Type.Object({ mergedIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'Duplicates to merge into this case.' }) }, { additionalProperties: false });
export const StatusChangeSchema = Type.Object({ id: Uuid, caseId: Uuid, fromStatus: Nullable(StringEnum(CASE_STATUSES)), toStatus: StringEnum(CASE_STATUSES), changedAt: Timestamp, changedBy: Nullable(Uuid) });
export const MessageBody = Type.Object(
  {
    kind: StringEnum(CASE_MESSAGE_KINDS, { description: 'reply: the customer gets it; note: staff only.' }),
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
    email: Type.Optional(Type.Boolean({ description: 'Reply by e-mail (default: when the case came by e-mail).' })),
  },
  { additionalProperties: false },
);
export const MessagesQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), cursor: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

// ——— Configuration ———

export const CaseTypeSchema = Type.Object({ id: Uuid, key: Nullable(Type.String()), name: Nullable(Type.String()), position: Type.Integer(), active: Type.Boolean() });
const TypeName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
export const CreateCaseTypeBody = Type.Object({ name: TypeName }, { additionalProperties: false });
export const UpdateCaseTypeBody = Type.Partial(
  Type.Object({ name: Nullable(TypeName), position: Type.Integer({ minimum: 0, maximum: 10000 }), active: Type.Boolean() }, { description: 'name null: a built-in type’s translated name again.' }),
  { additionalProperties: false },
);

const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50, description: 'Free labels, compared case-insensitively: repair, router, en…' });
export const QueueSchema = Type.Object({ id: Uuid, name: Type.String(), skills: Type.Array(Type.String()), memberIds: Type.Array(Uuid), createdAt: Timestamp, updatedAt: Timestamp });
const queueFields = { name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }), skills: Skills, memberIds: Type.Array(Uuid, { maxItems: 500 }) };
export const CreateQueueBody = Type.Composite([Type.Object({ name: queueFields.name }), Type.Partial(Type.Object({ skills: Skills, memberIds: queueFields.memberIds }))], { additionalProperties: false });
export const UpdateQueueBody = Type.Partial(Type.Object(queueFields), { additionalProperties: false });

const IdList = Type.Array(Uuid, { maxItems: 200 });
const Conditions = Type.Object(
  {
    typeIds: Type.Optional(IdList),
    productIds: Type.Optional(IdList),
    languages: Type.Optional(Type.Array(StringEnum(LOCALES), { maxItems: 10 })),
    tiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20, description: 'Account tiers: A, B, C.' })),
    channels: Type.Optional(Type.Array(StringEnum(CASE_CHANNELS), { maxItems: 10 })),
  },
  { additionalProperties: false, description: 'Each list given must contain the case’s value; absent or empty lists match anything.' },
);
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  queueId: Uuid,
  position: Type.Integer({ minimum: 0, maximum: 10000 }),
  active: Type.Boolean(),
  conditions: Conditions,
  skills: Skills,
};
export const RoutingRuleSchema = Type.Object({ id: Uuid, ...ruleFields, createdAt: Timestamp });
export const CreateRoutingRuleBody = Type.Composite(
  [Type.Object({ name: ruleFields.name, queueId: ruleFields.queueId }), Type.Partial(Type.Object({ position: ruleFields.position, active: ruleFields.active, conditions: Conditions, skills: Skills }))],
  { additionalProperties: false },
);
export const UpdateRoutingRuleBody = Type.Partial(Type.Object(ruleFields), { additionalProperties: false });

export const AgentSchema = Type.Object({
  userId: Uuid,
  skills: Type.Array(Type.String()),
  away: Type.Boolean(),
  capacity: Nullable(Type.Integer()),
  lastAssignedAt: Nullable(Timestamp),
  openCases: Type.Integer(),
  queueIds: Type.Array(Uuid),
});
export const UpdateAgentBody = Type.Partial(
  Type.Object({ skills: Skills, away: Type.Boolean(), capacity: Nullable(Type.Integer({ minimum: 1, maximum: 10000 })) }, { description: 'Skills and capacity: configurers; away: also the agent themself.' }),
  { additionalProperties: false },
);
export const UserIdParams = Type.Object({ userId: Uuid }, { additionalProperties: false });

export const ServiceSettingsSchema = Type.Object({ numberPrefix: Type.String(), supportAddresses: Type.Array(Type.String()) });
export const UpdateServiceSettingsBody = Type.Partial(
  Type.Object({
    numberPrefix: Type.String({ minLength: 1, maxLength: 10, pattern: '^[A-Za-z][A-Za-z0-9]*$' }),
    supportAddresses: Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 20, description: 'Mail to these addresses (To or Cc) opens cases or threads into them.' }),
  }),
  { additionalProperties: false },
);
