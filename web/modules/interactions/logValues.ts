import type { InteractionChannel, InteractionDirection, InteractionOutcome, InteractionType } from '../../../contracts/interactions';
import type { InteractionParticipant } from '../../app/types';
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

/**
 * The request for the form's values about a record: a contact takes part (which also puts it on its accounts'
 * timelines); another record is linked. Fields the type does not have are left out, blank texts too.
 */
export function logBody(values: LogValues, record: { recordType: string; recordId: string; name: string }): LogBody {
  const body: LogBody = { type: values.type, channel: values.channel, occurredAt: values.occurredAt };
  if (hasDirection(values.type) && values.direction) body.direction = values.direction;
  if (hasDuration(values.type)) {
    if (values.durationMinutes != null && values.durationMinutes >= 0) body.durationSeconds = Math.round(values.durationMinutes * 60);
    if (values.outcome) body.outcome = values.outcome;
  }
  if (values.subject?.trim()) body.subject = values.subject.trim();
  if (values.body?.trim()) body.body = values.body;
  if (record.recordType === 'contact') body.participants = [{ kind: 'contact', id: record.recordId, name: record.name }];
  else body.links = [{ recordType: record.recordType, recordId: record.recordId }];
  return body;
}
