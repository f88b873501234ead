import { Type } from '@sinclair/typebox';
import { DISQUALIFY_REASONS, LEAD_BEHAVIOURS, LEAD_RULE_FIELDS, LEAD_RULE_OPERATORS, LEAD_STATUSES } from '../../../contracts/sales.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { AccountSchema, ContactSchema, CustomValuesSchema, TagsSchema } from '../customers/index.js';
import { OpportunitySchema } from './sales.schema.js';

const Text = (max: number) => Nullable(Type.String({ maxLength: max }));

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'The person: 王伟, Jane Doe.' }),
  company: Text(200),
  title: Text(100),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  phone: Nullable(Type.String({ maxLength: 40, pattern: '^[+0-9()\\-\\s.]*$', description: 'As typed; stored in E.164.' })),
  wechatId: Text(100),
  industry: Text(100),
  region: Text(100),
  source: Text(100),
  description: Text(4000),
  status: StringEnum(LEAD_STATUSES, { description: `${LEAD_STATUSES.join(', ')}; converted only through POST /leads/{id}/convert.` }),
  disqualifyReason: Nullable(StringEnum(DISQUALIFY_REASONS, { description: 'Required when status is disqualified.' })),
  tags: TagsSchema,
  ownerId: Nullable(Uuid),
  custom: CustomValuesSchema,
};

const ScoreReasonSchema = Type.Object({ ruleId: Uuid, points: Type.Integer(), times: Type.Optional(Type.Integer()) });

export const LeadSchema = Type.Object({
  id: Uuid,
  ...fields,
  score: Type.Integer(),
  scoreReasons: Type.Array(ScoreReasonSchema),
  convertedAt: Nullable(Timestamp),
  convertedAccountId: Nullable(Uuid),
  convertedContactId: Nullable(Uuid),
  convertedOpportunityId: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const DeletedLeadSchema = Type.Composite([LeadSchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

const { name, ...optional } = fields;
export const CreateLeadBody = Type.Composite(
  [
    Type.Object({ name }),
    Type.Partial(Type.Object(optional)),
    Type.Object({ assign: Type.Optional(Type.Boolean({ description: 'Route to an owner by the assignment rules (when ownerId is not given).' })) }),
  ],
  { additionalProperties: false },
);
export const UpdateLeadBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export const LeadListQuery = ListQuery;

export const ConvertLeadBody = Type.Object(
  {
    accountId: Type.Optional(Nullable(Uuid)),
    contactId: Type.Optional(Uuid),
    opportunity: Type.Optional(
      Nullable(
        Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e15 })),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
            pipelineId: Type.Optional(Uuid),
            stageId: Type.Optional(Uuid),
            closeDate: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export const ConversionSchema = Type.Object({
  lead: LeadSchema,
  account: Nullable(AccountSchema),
  contact: ContactSchema,
  opportunity: Nullable(OpportunitySchema),
  reused: Type.Object({ account: Type.Boolean(), contact: Type.Boolean() }),
});

const Condition = Type.Object(
  {
    field: StringEnum(LEAD_RULE_FIELDS),
    operator: StringEnum(LEAD_RULE_OPERATORS),
    values: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

const assignmentFields = {
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  position: Type.Integer({ minimum: 0, maximum: 10000 }),
  active: Type.Boolean(),
  conditions: Type.Array(Condition, { maxItems: 10, description: 'All must hold; none: every lead.' }),
  assignees: Type.Array(Uuid, { minItems: 1, maxItems: 200, description: 'Members who get the leads in turn.' }),
};
export const AssignmentRuleSchema = Type.Object({ id: Uuid, ...assignmentFields, turns: Type.Integer(), createdAt: Timestamp });
export const CreateAssignmentRuleBody = Type.Composite(
  [Type.Object({ name: assignmentFields.name, assignees: assignmentFields.assignees }), Type.Partial(Type.Object({ position: assignmentFields.position, active: assignmentFields.active, conditions: assignmentFields.conditions }))],
  { additionalProperties: false },
);
export const UpdateAssignmentRuleBody = Type.Partial(Type.Object(assignmentFields), { additionalProperties: false });

const scoringFields = {
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  condition: Nullable(Condition),
  behaviour: Nullable(StringEnum(LEAD_BEHAVIOURS, { description: LEAD_BEHAVIOURS.join(', ') })),
  points: Type.Integer({ minimum: -1000, maximum: 1000 }),
  maxTimes: Type.Integer({ minimum: 1, maximum: 100, description: 'Behaviour rules: count it at most this many times.' }),
  active: Type.Boolean(),
};
export const ScoringRuleSchema = Type.Object({ id: Uuid, ...scoringFields, createdAt: Timestamp });
export const CreateScoringRuleBody = Type.Composite(
  [Type.Object({ name: scoringFields.name, points: scoringFields.points }), Type.Partial(Type.Object({ condition: scoringFields.condition, behaviour: scoringFields.behaviour, maxTimes: scoringFields.maxTimes, active: scoringFields.active }))],
  { additionalProperties: false },
);
export const UpdateScoringRuleBody = Type.Partial(Type.Object(scoringFields), { additionalProperties: false });
