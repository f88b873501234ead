import type { InteractionChannel, InteractionDirection, InteractionOutcome, InteractionType } from '../../../contracts/interactions';
import type { Interaction, InteractionParticipant } from '../../app/types';
import { DEFAULT_CHANNEL, defaultDirection, hasDirection, hasDuration } from './interactionKinds';

/** The log form's values. */
export interface LogValues {
  type: InteractionType;
  channel: InteractionChannel;
  direction?: InteractionDirection | null;
  /** ISO instant. */
  occurredAt: string;
  durationMinutes?: number | null;
  outcome?: InteractionOutcome | null;
  subject?: string;
  body?: string;
}

/** The body of POST /interactions. */
export interface LogBody {
  type: InteractionType;
  channel: InteractionChannel;
  direction?: InteractionDirection;
  occurredAt: string;
  durationSeconds?: number;
  outcome?: InteractionOutcome;
  subject?: string;
  body?: string;
  participants?: InteractionParticipant[];
  links?: { recordType: string; recordId: string }[];
}

/** What the form starts with: a call, now. */
export function initialLogValues(type: InteractionType = 'call', now = new Date()): LogValues {
  return { type, channel: DEFAULT_CHANNEL[type], direction: defaultDirection(type), occurredAt: now.toISOString() };
}

/** The form's values of a logged interaction (to change it). */
export function valuesOf(item: Interaction): LogValues {
  return {
    type: item.type,
    channel: item.channel,
    direction: item.direction,
    occurredAt: item.occurredAt,
    durationMinutes: item.durationSeconds === null ? null : Math.round(item.durationSeconds / 60),
    outcome: item.outcome,
    subject: item.subject ?? '',
    body: item.body ?? '',
  };
}

/** Every field of the form as the API takes it: null where the type has none or the text is blank. */
function fieldsOf(values: LogValues) {
  const timed = hasDuration(values.type);
  return {
    type: values.type,
    channel: values.channel,
    direction: hasDirection(values.type) ? (values.direction ?? null) : null,
    occurredAt: values.occurredAt,
    durationSeconds: timed && values.durationMinutes != null && values.durationMinutes >= 0 ? Math.round(values.durationMinutes * 60) : null,
    outcome: timed ? (values.outcome ?? null) : null,
    subject: values.subject?.trim() || null,
    body: values.body?.trim() ? values.body : null,
  };
}

/**
 * The request for the form's values about a record: a contact takes part (which also puts it on its accounts'
 * timelines); another record is linked. Fields the type does not have are left out, blank texts too.
 */
export function logBody(values: LogValues, record: { recordType: string; recordId: string; name: string }): LogBody {
  const fields = Object.fromEntries(Object.entries(fieldsOf(values)).filter(([, v]) => v !== null)) as unknown as LogBody;
  if (record.recordType === 'contact') fields.participants = [{ kind: 'contact', id: record.recordId, name: record.name }];
  else fields.links = [{ recordType: record.recordType, recordId: record.recordId }];
  return fields;
}

/** The PATCH for a changed interaction: every field of the form, cleared ones as null; participants and links stay. */
export const changeBody = fieldsOf;
