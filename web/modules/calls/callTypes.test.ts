import { describe, expect, it } from 'vitest';
import { callTypeName, defaultCallType, kindOfCall } from './callTypes';

describe('call types', () => {
  const complaint = { id: 'c', names: { 'zh-CN': '投诉' }, defaultFor: ['inbound_known' as const] };
  const inquiry = { id: 'i', names: { en: 'Inquiry', 'zh-TW': '諮詢' }, defaultFor: ['inbound_unknown' as const, 'outbound' as const] };

  it('starts a call with the type set for its kind, else the first', () => {
    expect(kindOfCall({ direction: 'inbound', contacts: [{}] })).toBe('inbound_known');
    expect(kindOfCall({ direction: 'inbound', contacts: [] })).toBe('inbound_unknown');
    expect(kindOfCall({ direction: 'outbound', contacts: [{}] })).toBe('outbound');
    expect(defaultCallType([complaint, inquiry], 'inbound_unknown')?.id).toBe('i');
    expect(defaultCallType([complaint, inquiry], 'inbound_known')?.id).toBe('c');
    expect(defaultCallType([{ ...complaint, defaultFor: [] }], 'outbound')?.id).toBe('c');
    expect(defaultCallType([], 'outbound')).toBeNull();
  });

  it('names a type in the language shown, else in one it has', () => {
    expect(callTypeName(inquiry, 'zh-TW')).toBe('諮詢');
    expect(callTypeName(complaint, 'en')).toBe('投诉');
  });
});
