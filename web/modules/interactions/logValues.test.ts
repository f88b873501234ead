import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../app/types';
import { changeBody, initialLogValues, logBody, valuesOf } from './logValues';

const contact = { recordType: 'contact', recordId: '0190aaaa-0000-7000-8000-000000000001', name: '王伟' };
const account = { recordType: 'account', recordId: '0190aaaa-0000-7000-8000-000000000002', name: '测试科技' };

describe('log form values', () => {
  it('starts as an outbound phone call now', () => {
    const now = new Date('2026-05-01T08:00:00Z');
    expect(initialLogValues(undefined, now)).toEqual({ type: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-05-01T08:00:00.000Z' });
    expect(initialLogValues('note', now)).toMatchObject({ channel: 'other', direction: null });
  });

  it('sends a call with its duration in seconds, outcome, subject and the contact as participant', () => {
    const body = logBody(
      { type: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-05-01T08:00:00.000Z', durationMinutes: 12.5, outcome: 'connected', subject: ' 报价 ', body: '谈了价格\n下周回复' },
      contact,
    );
    expect(body).toEqual({
      type: 'call',
      channel: 'phone',
      direction: 'outbound',
      occurredAt: '2026-05-01T08:00:00.000Z',
      durationSeconds: 750,
      outcome: 'connected',
      subject: '报价',
      body: '谈了价格\n下周回复',
      participants: [{ kind: 'contact', id: contact.recordId, name: '王伟' }],
    });
  });

  it('leaves out what the type does not have and blank texts, and links other records', () => {
    const body = logBody({ type: 'note', channel: 'other', direction: 'inbound', occurredAt: '2026-05-01T08:00:00.000Z', durationMinutes: 5, outcome: 'busy', subject: '  ', body: ' ' }, account);
    expect(body).toEqual({ type: 'note', channel: 'other', occurredAt: '2026-05-01T08:00:00.000Z', links: [{ recordType: 'account', recordId: account.recordId }] });
  });

  it('reads a logged interaction into the form and sends it back changed, cleared fields as null', () => {
    const item = {
      id: 'i1', type: 'call', channel: 'phone', direction: 'inbound', occurredAt: '2026-05-01T08:00:00.000Z', durationSeconds: 750, subject: '报价', body: null,
      outcome: 'connected', participants: [], attachments: [], ownerId: null, externalId: null, threadId: null, links: [], createdAt: '', updatedAt: '',
    } as Interaction;
    const values = valuesOf(item);
    expect(values).toMatchObject({ durationMinutes: 13, subject: '报价', body: '' });
    expect(changeBody({ ...values, type: 'note' })).toEqual({
      type: 'note', channel: 'phone', direction: null, occurredAt: '2026-05-01T08:00:00.000Z', durationSeconds: null, outcome: null, subject: '报价', body: null,
    });
  });
});
