import { describe, expect, it } from 'vitest';
import type { Account } from '../../app/types';
import { accountToValues, changedFields, filledFields, toMajor, toMinor } from './accountValues';

const account: Account = {
  id: 'a1',
  name: '华为技术有限公司',
  type: 'customer',
  industry: '通信',
  size: null,
  tier: 'A',
  region: null,
  website: null,
  phone: '+8675528780808',
  email: null,
  parentId: null,
  creditStatus: null,
  creditLimit: 50_000_000,
  currency: 'CNY',
  tags: ['重点'],
  source: null,
  lifecycleStage: null,
  addresses: [],
  ownerId: 'u1',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
};

describe('account form values', () => {
  it('converts money between major and minor units of the currency', () => {
    expect(toMinor(1234.56, 'CNY')).toBe(123456);
    expect(toMinor(1234, 'JPY')).toBe(1234);
    expect(toMajor(123456, 'CNY')).toBe(1234.56);
  });

  it('sends only the filled fields of a new account, the credit limit in minor units with its currency', () => {
    expect(filledFields({ name: ' 小米 ', industry: '', tags: [], creditLimit: 100.5, currency: 'CNY' }, 'CNY')).toEqual({
      name: '小米',
      creditLimit: 10050,
      currency: 'CNY',
    });
  });

  it('patches nothing when nothing changed (the phone typed in another format included)', () => {
    const values = { ...accountToValues(account), phone: '0755 2878 0808' };
    expect(changedFields(account, values, 'CNY', 'CN')).toEqual({});
  });

  it('patches changed fields, a cleared one as null', () => {
    const values = { ...accountToValues(account), industry: '', tier: 'B', tags: [] };
    expect(changedFields(account, values, 'CNY', 'CN')).toEqual({ industry: null, tier: 'B', tags: [] });
  });
});
