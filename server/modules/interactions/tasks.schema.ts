import { Type } from '@sinclair/typebox';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../contracts/interactions.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../platform/http/schemas.js';

const fields = {
  title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
  notes: Nullable(Type.String({ maxLength: 10_000 })),
  dueAt: Nullable(Timestamp),
  remindAt: Nullable(Timestamp),
  priority: StringEnum(TASK_PRIORITIES),
  status: StringEnum(TASK_STATUSES),
  recurrence: Nullable(Type.String({ maxLength: 500, description: 'RFC 5545 RRULE, e.g. `FREQ=WEEKLY;BYDAY=MO`; completing the task creates the next one.' })),
  recordType: Nullable(Type.String({ minLength: 1, maxLength: 40, description: 'The record it is about: contact, account…' })),
  recordId: Nullable(Uuid),
  ownerId: Nullable(Uuid),
};

export const TaskSchema = Type.Object({ id: Uuid, ...fields, doneAt: Nullable(Timestamp), createdAt: Timestamp, updatedAt: Timestamp });
export const UpdatedTaskSchema = Type.Composite([TaskSchema, Type.Object({ next: Nullable(TaskSchema) })]);
/** In lists: the name of the record the task is about (null when none, or not readable by the caller). */
export const ListedTaskSchema = Type.Composite([TaskSchema, Type.Object({ recordTitle: Nullable(Type.String()) })]);
const { title, ...optional } = fields;
export const CreateTaskBody = Type.Composite([Type.Object({ title }), Type.Partial(Type.Object(optional))], { additionalProperties: false });
export const UpdateTaskBody = Type.Partial(Type.Object(fields), { additionalProperties: false });
