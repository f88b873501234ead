import { Type } from '@sinclair/typebox';
import { CALENDAR_DAY_KINDS } from '../../../contracts/knowledge.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { TIME_PATTERN } from './business-calendar.js';

const Time = Type.String({ pattern: TIME_PATTERN.source, description: 'HH:MM; an end may be 24:00.' });
const Ranges = Type.Array(Type.Object({ start: Time, end: Time }, { additionalProperties: false, description: 'An end at or before the start runs overnight into the next day.' }), { maxItems: 6 });
const Day = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date.' }),
    kind: StringEnum(CALENDAR_DAY_KINDS, { description: 'holiday: closed; workday: a make-up working day (调休).' }),
    name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    ranges: Type.Optional(Nullable(Ranges)),
  },
  { additionalProperties: false },
);
const fields = {
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai.' }),
  alwaysOpen: Type.Boolean({ description: 'Open around the clock (24×7).' }),
  week: Type.Array(Ranges, { minItems: 7, maxItems: 7, description: 'Hours per weekday, Monday first.' }),
  days: Type.Array(Day, { maxItems: 2000, description: 'Holidays and make-up working days.' }),
};
export const CalendarBody = Type.Object(fields, { additionalProperties: false });
export const CalendarSchema = Type.Object({ ...fields, updatedAt: Nullable(Timestamp), updatedBy: Nullable(Uuid) });
export const PresetSchema = Type.Object({ id: Type.String(), source: Type.String(), days: Type.Array(Day) });
export const PresetParams = Type.Object({ preset: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) }, { additionalProperties: false });
export const PreviewQuery = Type.Object(
  {
    start: Type.String({ format: 'date-time', description: 'When the clock starts.' }),
    minutes: Type.Integer({ minimum: 0, maximum: 525_600, description: 'Business minutes to add.' }),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Also count the business minutes from start until this instant.' })),
  },
  { additionalProperties: false },
);
export const PreviewSchema = Type.Object({ dueAt: Timestamp, minutesUntil: Nullable(Type.Number()) });
