import { Type } from '@sinclair/typebox';
import { CLOSE_REASON_KINDS, DEAL_CONTACT_ROLES, FORECAST_CATEGORIES, STAGE_KINDS } from '../../../contracts/sales.js';
import { ListQuery, Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { CustomValuesSchema, TagsSchema } from '../customers/index.js';

const Probability = Type.Integer({ minimum: 0, maximum: 100, description: 'Per cent.' });
const Day = Type.String({ format: 'date', description: 'A calendar day: 2026-12-31.' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217: CNY, USD.' });
const Name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const StageSchema = Type.Object({
  id: Uuid,
  pipelineId: Uuid,
  key: Nullable(Type.String({ description: 'A built-in stage, shown translated while `name` is null.' })),
  name: Nullable(Type.String()),
  position: Type.Integer(),
  probability: Probability,
  kind: StringEnum(STAGE_KINDS),
  forecastCategory: StringEnum(FORECAST_CATEGORIES),
});

export const PipelineSchema = Type.Object({
  id: Uuid,
  name: Type.String({ description: 'Empty for the built-in first pipeline (shown translated).' }),
  isDefault: Type.Boolean(),
  position: Type.Integer(),
  archivedAt: Nullable(Timestamp),
  stages: Type.Array(StageSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const StageInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    probability: Probability,
    kind: StringEnum(STAGE_KINDS),
    forecastCategory: Type.Optional(StringEnum(FORECAST_CATEGORIES)),
  },
  { additionalProperties: false },
);
const StagesInput = Type.Array(StageInput, { minItems: 3, maxItems: 30 });

export const CreatePipelineBody = Type.Object({ name: Name(80), stages: Type.Optional(StagesInput) }, { additionalProperties: false });
export const UpdatePipelineBody = Type.Object(
  {
    name: Type.Optional(Name(80)),
    isDefault: Type.Optional(Type.Literal(true, { description: 'Makes this the default pipeline (the former one stops being it).' })),
    archived: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export const ReplaceStagesBody = Type.Object({ stages: StagesInput }, { additionalProperties: false });
export const PipelineListQuery = Type.Object({ includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const CloseReasonSchema = Type.Object({
  id: Uuid,
  kind: StringEnum(CLOSE_REASON_KINDS),
  key: Nullable(Type.String()),
  name: Nullable(Type.String()),
  position: Type.Integer(),
  active: Type.Boolean(),
});
export const CreateCloseReasonBody = Type.Object({ kind: StringEnum(CLOSE_REASON_KINDS), name: Name(80) }, { additionalProperties: false });
export const UpdateCloseReasonBody = Type.Object(
  { name: Type.Optional(Name(80)), active: Type.Optional(Type.Boolean()), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })) },
  { additionalProperties: false },
);
export const CloseReasonListQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

const fields = {
  name: Name(200),
  pipelineId: Uuid,
  stageId: Uuid,
  amount: Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units (fen, cents) of currency.' }),
  currency: Currency,
  closeDate: Day,
  probability: Probability,
  forecastCategory: StringEnum(FORECAST_CATEGORIES),
  nextStep: Nullable(Type.String({ maxLength: 500 })),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  source: Nullable(Type.String({ maxLength: 100 })),
  competitors: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
  closeReasonId: Nullable(Uuid),
  closeCompetitor: Nullable(Type.String({ maxLength: 100 })),
  closeNote: Nullable(Type.String({ maxLength: 2000 })),
  tags: TagsSchema,
  ownerId: Nullable(Uuid),
  custom: CustomValuesSchema,
};

export const OpportunitySchema = Type.Object({
  id: Uuid,
  ...fields,
  status: StringEnum(STAGE_KINDS),
  stageEnteredAt: Timestamp,
  closedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const DeletedOpportunitySchema = Type.Composite([OpportunitySchema, Type.Object({ deletedAt: Timestamp, deletedBy: Nullable(Uuid) })]);

const { name, ...optional } = fields;
export const CreateOpportunityBody = Type.Composite([Type.Object({ name }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateOpportunityBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
export const OpportunityListQuery = ListQuery;

export const StageVisitSchema = Type.Object({
  stageId: Uuid,
  stageName: Nullable(Type.String()),
  stageKey: Nullable(Type.String()),
  enteredAt: Timestamp,
  leftAt: Nullable(Timestamp),
  seconds: Type.Integer({ description: 'Time spent in the stage (until now for the current one).' }),
  changedBy: Nullable(Uuid),
});

export const DealContactSchema = Type.Object({ contactId: Uuid, name: Type.String(), title: Nullable(Type.String()), role: StringEnum(DEAL_CONTACT_ROLES) });
export const DealContactParams = Type.Object({ id: Uuid, contactId: Uuid }, { additionalProperties: false });
export const DealContactBody = Type.Object({ role: StringEnum(DEAL_CONTACT_ROLES, { description: DEAL_CONTACT_ROLES.join(', ') }) }, { additionalProperties: false });

export const BoardQuery = Type.Object(
  {
    filter: ListQuery.properties.filter,
    filterLogic: ListQuery.properties.filterLogic,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Cards per column.' })),
    closedWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660, default: 90, description: 'Won and lost columns: deals closed in this many days.' })),
  },
  { additionalProperties: false },
);
export const BoardSchema = Type.Object({
  pipeline: PipelineSchema,
  columns: Type.Array(
    Type.Object({
      stage: StageSchema,
      count: Type.Integer(),
      totals: Type.Array(Type.Object({ currency: Type.String(), amount: Type.Number(), weighted: Type.Number() })),
      cards: Type.Array(OpportunitySchema),
      nextCursor: Nullable(Type.String()),
    }),
  ),
});

export const LineSchema = Type.Object({
  position: Type.Integer(),
  productId: Uuid,
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.String({ description: 'Decimal, up to 3 places.' }),
  unitPrice: Type.Integer({ description: 'Minor units.' }),
  listPrice: Nullable(Type.Integer()),
  discountPercent: Type.String(),
  total: Type.Integer(),
});
export const ReplaceLinesBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          productId: Uuid,
          quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, multipleOf: 0.001 }),
          unitPrice: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units; absent: the catalog price.' }))),
          discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
