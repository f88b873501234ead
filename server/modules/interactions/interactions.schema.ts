import { Type } from '@sinclair/typebox';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_OUTCOMES, INTERACTION_TYPES } from '../../../contracts/interactions.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Text = (max: number) => Nullable(Type.String({ maxLength: max }));

export const RecordRefSchema = Type.Object(
  { recordType: Type.String({ minLength: 1, maxLength: 40, description: 'contact, account, and the types later modules add' }), recordId: Uuid },
  { additionalProperties: false },
);
const ParticipantSchema = Type.Object(
  {
    kind: StringEnum(['contact', 'user', 'address'] as const),
    id: Type.Optional(Uuid),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'An e-mail address or a phone number.' })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Optional(Type.String({ maxLength: 40, description: 'from, to, cc, attendee, caller, callee…' })),
  },
  { additionalProperties: false },
);
const AttachmentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ maxLength: 200 }),
    size: Type.Integer({ minimum: 0 }),
    fileId: Type.Optional(Uuid),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000, description: 'A file kept elsewhere (a call recording on the PBX).' })),
  },
  { additionalProperties: false },
);

const fields = {
  type: StringEnum(INTERACTION_TYPES),
  channel: StringEnum(INTERACTION_CHANNELS),
  direction: Nullable(StringEnum(INTERACTION_DIRECTIONS)),
  occurredAt: Timestamp,
  endsAt: Nullable(Type.Unsafe<Date>(Type.String({ format: 'date-time', asDate: true, description: "A meeting's end, after occurredAt (its start)." }))),
  allDay: Type.Boolean({ description: 'A meeting of whole days (calendar apps show it as such).' }),
  location: Text(500),
  durationSeconds: Nullable(Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600 })),
  subject: Text(500),
  body: Text(100_000),
  outcome: Nullable(StringEnum(INTERACTION_OUTCOMES)),
  participants: Type.Array(ParticipantSchema, { maxItems: 200 }),
  attachments: Type.Array(AttachmentSchema, { maxItems: 50 }),
  ownerId: Nullable(Uuid),
  externalId: Text(500),
  threadId: Nullable(Uuid),
};

export const InteractionSchema = Type.Object({
  id: Uuid,
  ...fields,
  participants: Type.Array(Type.Object({ ...ParticipantSchema.properties })),
  attachments: Type.Array(Type.Object({ ...AttachmentSchema.properties })),
  links: Type.Array(Type.Object({ ...RecordRefSchema.properties })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const links = Type.Array(RecordRefSchema, { maxItems: 50, description: 'Records it is about; its contact participants (and their accounts) are added by themselves.' });
const { type, channel, ...optional } = fields;
export const CreateInteractionBody = Type.Composite([Type.Object({ type, channel }), Type.Partial(Type.Object({ ...optional, links }))], { additionalProperties: false });
export const UpdateInteractionBody = Type.Partial(Type.Object({ ...fields, links }), { additionalProperties: false });

export const TimelineQuery = Type.Object(
  {
    recordType: Type.String({ minLength: 1, maxLength: 40 }),
    recordId: Uuid,
    type: Type.Optional(StringEnum(INTERACTION_TYPES)),
    channel: Type.Optional(StringEnum(INTERACTION_CHANNELS)),
    ownerId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
