import { Type } from '@sinclair/typebox';
import { POOL_EVENT_KINDS, POOL_RECORD_TYPES, POOL_RETURN_RULES } from '../../../contracts/pools.js';
import { ROLES } from '../../../contracts/roles.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Days = (description: string) => Type.Integer({ minimum: 1, maximum: 3650, description });
const Limit = (description: string) => Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000, description }));

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '华东公海, Leads pool.' }),
  description: Nullable(Type.String({ maxLength: 1000 })),
  roles: Type.Array(StringEnum(ROLES), { maxItems: ROLES.length, description: 'Roles whose members may see and claim; empty: every role that may own records.' }),
  teamIds: Type.Array(Uuid, { maxItems: 200, description: 'Teams whose members may see and claim; empty: every team.' }),
  followUpDays: Nullable(Days('Back to the pool after this many days without a follow-up (an interaction on its timeline); null: no such rule.')),
  convertDays: Nullable(Days('Back to the pool when a lead is not converted, or an account has no won deal, this many days after the claim; null: no such rule.')),
  warnDays: Type.Integer({ minimum: 0, maximum: 365, description: 'The owner is warned this many days before a return (a task and a notice).' }),
  cooldownDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Who gave a record back, or had it returned, may not claim it again for this many days.' }),
  position: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Order of the pool tabs; the first pool of a type receives released records when none is named.' }),
};

export const PoolSchema = Type.Object({
  id: Uuid,
  recordType: StringEnum(POOL_RECORD_TYPES),
  ...fields,
  size: Type.Integer({ description: 'Records waiting in the pool, counted up to 10,000.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const { name, ...optional } = fields;
export const CreatePoolBody = Type.Composite([Type.Object({ name, recordType: StringEnum(POOL_RECORD_TYPES) }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdatePoolBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

export const PoolEntrySchema = Type.Object({
  recordType: StringEnum(POOL_RECORD_TYPES),
  recordId: Uuid,
  name: Type.String(),
  company: Nullable(Type.String({ description: 'A lead’s company.' })),
  industry: Nullable(Type.String()),
  region: Nullable(Type.String()),
  source: Nullable(Type.String()),
  enteredAt: Timestamp,
});
export const PoolEntriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const QuotaSchema = Type.Object({
  held: Type.Integer({ description: 'Records the caller holds from pools.' }),
  maxHeld: Nullable(Type.Integer({ description: 'Their role’s limit; null: none.' })),
  claimedToday: Type.Integer(),
  maxDailyClaims: Nullable(Type.Integer()),
});

const RecordIds = Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true });
export const ClaimBody = Type.Object({ recordIds: RecordIds }, { additionalProperties: false });
export const ClaimResultSchema = Type.Object({ claimed: Type.Array(Uuid), unavailable: Type.Array(Uuid, { description: 'Taken first by someone else, gone from the pool, or in the caller’s cool-down.' }), quota: QuotaSchema });

export const ReleaseBody = Type.Object(
  {
    recordType: StringEnum(POOL_RECORD_TYPES),
    recordIds: RecordIds,
    poolId: Type.Optional(Uuid),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'Why the records go back (on their pool history).' }),
  },
  { additionalProperties: false },
);
export const ReleaseResultSchema = Type.Object({ released: Type.Integer(), poolId: Nullable(Uuid) });

export const RoleLimitSchema = Type.Object(
  { role: StringEnum(ROLES), maxHeld: Limit('Most records a member of the role holds from pools at once.'), maxDailyClaims: Limit('Most claims per day.') },
  { additionalProperties: false },
);
export const RoleLimitsBody = Type.Object({ limits: Type.Array(RoleLimitSchema, { minItems: 1, maxItems: ROLES.length }) }, { additionalProperties: false });

export const PoolEventSchema = Type.Object({
  id: Uuid,
  recordType: StringEnum(POOL_RECORD_TYPES),
  recordId: Uuid,
  poolId: Uuid,
  kind: StringEnum(POOL_EVENT_KINDS),
  userId: Nullable(Uuid),
  actorUserId: Nullable(Type.String({ format: 'uuid', description: 'Null: the return rules.' })),
  rule: Nullable(StringEnum(POOL_RETURN_RULES)),
  reason: Nullable(Type.String()),
  dueAt: Nullable(Timestamp),
  at: Timestamp,
});
export const HistoryQuery = Type.Object({ recordType: StringEnum(POOL_RECORD_TYPES), recordId: Uuid }, { additionalProperties: false });

export const MyClaimSchema = Type.Object({
  recordType: StringEnum(POOL_RECORD_TYPES),
  recordId: Uuid,
  name: Type.String(),
  poolId: Uuid,
  poolName: Type.String(),
  claimedAt: Timestamp,
  lastContactAt: Nullable(Timestamp),
  dueAt: Nullable(Timestamp),
  rule: Nullable(StringEnum(POOL_RETURN_RULES)),
  warned: Type.Boolean({ description: 'The owner was warned of this deadline.' }),
});
