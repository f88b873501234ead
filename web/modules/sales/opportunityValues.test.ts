import { describe, expect, it } from 'vitest';
import { changedFields, createBody, opportunityToValues } from './opportunityValues';
import type { Opportunity } from './types';

const deal: Opportunity = {
  id: 'o1',
  name: '华为 CRM 升级',
  pipelineId: 'p1',
  stageId: 's1',
  amount: 12_345_600,
  currency: 'CNY',
  closeDate: '2026-12-31',
  probability: 25,
  forecastCategory: 'pipeline',
  nextStep: null,
  accountId: 'a1',
  contactId: null,
  source: '展会',
  competitors: ['Salesforce'],
  closeReasonId: null,
  closeCompetitor: null,
  closeNote: null,
  tags: [],
  ownerId: 'u1',
  custom: { budget_year: 2026 },
  status: 'open',
  stageEnteredAt: '2026-11-23T08:00:00.000Z',
  closedAt: null,
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
};

describe('opportunity form values', () => {
  it('sends a new deal with its amount in minor units and only what was filled in', () => {
    expect(
      createBody({ name: ' 小米 ERP ', amount: 1234.5, currency: 'CNY', source: '', competitors: [' 金蝶 ', ''], nextStep: '  ', custom: { region: 'east', note: '' } }, 'USD'),
    ).toEqual({ name: '小米 ERP', amount: 123450, currency: 'CNY', competitors: ['金蝶'], custom: { region: 'east' } });
  });

  it('takes the workspace currency when none is chosen, and amount 0 when none is typed', () => {
    expect(createBody({ name: 'Deal' }, 'JPY')).toEqual({ name: 'Deal', currency: 'JPY', amount: 0 });
    expect(createBody({ name: 'Deal', amount: 1500, currency: 'JPY' }, 'CNY').amount).toBe(1500);
  });

  it('round-trips a deal: no change patches nothing', () => {
    expect(changedFields(deal, opportunityToValues(deal))).toEqual({});
  });

  it('patches what changed: a cleared field null, competitors [], one custom value', () => {
    const values = { ...opportunityToValues(deal), source: '', competitors: [], amount: 99.99, custom: { budget_year: 2027 } };
    expect(changedFields(deal, values)).toEqual({ source: null, competitors: [], amount: 9999, custom: { budget_year: 2027 } });
  });

  it('converts the amount in the currency chosen, and clears a custom value as null', () => {
    const values = { ...opportunityToValues(deal), currency: 'USD', custom: { budget_year: null } };
    expect(changedFields(deal, values)).toEqual({ currency: 'USD', custom: { budget_year: null } });
  });
});
