import { Type } from '@sinclair/typebox';
import { INTERACTION_CHANNELS } from '../../../contracts/interactions.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { InteractionSchema, RecordRefSchema } from '../interactions/index.js';

const AttendeeSchema = Type.Object(
  { kind: StringEnum(['user', 'contact'] as const, { description: 'A member of the workspace or a contact.' }), id: Uuid },
  { additionalProperties: false },
);

const meetingFields = {
  subject: Type.String({ minLength: 1, maxLength: 500 }),
  startsAt: Timestamp,
  endsAt: Type.Unsafe<Date>(Type.String({ format: 'date-time', asDate: true, description: 'After startsAt, at most 14 days later.' })),
  allDay: Type.Boolean({ description: 'Whole days: startsAt and endsAt are midnights in the member’s time zone, endsAt exclusive.' }),
  location: Nullable(Type.String({ maxLength: 500 })),
  notes: Nullable(Type.String({ maxLength: 100_000 })),
  channel: StringEnum(INTERACTION_CHANNELS, { description: 'in_person (the default), or how it is held: phone, web…' }),
  attendees: Type.Array(AttendeeSchema, { maxItems: 200, description: 'Members and contacts; contacts put it on their timelines and their accounts’.' }),
  links: Type.Array(RecordRefSchema, { maxItems: 50, description: 'Other records it is about.' }),
  ownerId: Nullable(Uuid),
};
const { subject, startsAt, endsAt, ...optional } = meetingFields;
export const CreateMeetingBody = Type.Composite([Type.Object({ subject, startsAt, endsAt }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateMeetingBody = Type.Partial(Type.Object(meetingFields), { additionalProperties: false });

export const MeetingSchema = Type.Composite([InteractionSchema, Type.Object({ editable: Type.Boolean({ description: 'Whether the caller may change or cancel it.' }) })]);

const TaskItemSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  dueAt: Timestamp,
  status: Type.String(),
  priority: Type.String(),
  ownerId: Nullable(Uuid),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Uuid),
  recordTitle: Nullable(Type.String()),
});

export const CalendarQuery = Type.Object(
  {
    from: Timestamp,
    to: Type.Unsafe<Date>(Type.String({ format: 'date-time', asDate: true, description: 'Exclusive; at most 100 days after from.' })),
    userIds: Type.Optional(Type.String({ maxLength: 2000, pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$', description: 'Comma-separated member ids; the caller when absent.' })),
  },
  { additionalProperties: false },
);
export const CalendarSchema = Type.Object({ meetings: Type.Array(MeetingSchema), tasks: Type.Array(TaskItemSchema) });

export const ImportBody = Type.Object(
  { content: Type.String({ minLength: 1, maxLength: 10 * 1_048_576, description: 'The text of an .ics file (an export of Google, Outlook or Apple calendar).' }) },
  { additionalProperties: false },
);
export const ImportResultSchema = Type.Object({
  created: Type.Integer({ description: 'Meetings made from the file’s events.' }),
  existing: Type.Integer({ description: 'Events imported before (same UID), left as they are.' }),
  skipped: Type.Array(
    Type.Object({ uid: Nullable(Type.String()), summary: Nullable(Type.String()), reason: StringEnum(['recurring', 'tooLong', 'noStart'] as const) }),
    { description: 'Events left out: recurring ones, ones over 14 days, ones without a start.' },
  ),
});

export const FeedStatusSchema = Type.Object({ active: Type.Boolean(), createdAt: Nullable(Timestamp), lastFetchedAt: Nullable(Timestamp) });
export const NewFeedSchema = Type.Object({ url: Type.String({ description: 'The feed’s address, shown this once: subscribe to it in a calendar app.' }), createdAt: Timestamp });
export const FeedParams = Type.Object({ token: Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
