import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../app/types';
import { defaultChoices, differingFields } from './mergeFields';

const contact = (id: string, fields: Partial<Contact>): Contact => ({
  id,
  name: '陈静',
  company: null,
  title: null,
  email: null,
  phone: null,
  ownerId: 'u1',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
  ...fields,
});

describe('merge choices', () => {
  const a = contact('a', { company: '阿里巴巴', email: 'chen@example.cn' });
  const b = contact('b', { company: '阿里巴巴集团', email: 'chen@example.cn', phone: '+8613712345678' });

  it('asks only where filled values differ', () => {
    expect(differingFields([a, b])).toEqual(['company']);
  });

  it("keeps the primary's value by default", () => {
    expect(defaultChoices([a, b], 'a')).toEqual({ company: 'a' });
    expect(defaultChoices([a, b], 'b')).toEqual({ company: 'b' });
  });
});
