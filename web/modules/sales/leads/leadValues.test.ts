import { describe, expect, it } from 'vitest';
import { convertBody } from './convertValues';
import { leadPatch, leadToValues, newLeadBody, scoreBand } from './leadValues';
import { assignmentBody, nextPosition, scoringBody, toCondition } from './ruleValues';
import type { Lead } from './types';
import type { Pipeline } from '../types';

const lead: Lead = {
  id: 'l1', name: '王伟', company: '华为', title: null, email: 'wang@example.cn', phone: '+8613800000000', wechatId: null, industry: null, region: '华东',
  source: 'web', description: null, status: 'new', disqualifyReason: null, tags: [], ownerId: 'u1', custom: {}, score: 0, scoreReasons: [],
  convertedAt: null, convertedAccountId: null, convertedContactId: null, convertedOpportunityId: null, createdAt: '', updatedAt: '',
};

describe('lead form values', () => {
  it('sends only filled, trimmed fields for a new lead; routing replaces the chosen owner', () => {
    expect(newLeadBody({ name: ' 王伟 ', company: '  ', email: 'a@b.cn', tags: [], ownerId: 'u1' })).toEqual({ name: '王伟', email: 'a@b.cn', ownerId: 'u1' });
    expect(newLeadBody({ name: 'Jane', ownerId: 'u1', assign: true })).toEqual({ name: 'Jane', assign: true });
  });

  it('patches what changed, a cleared field as null, and nothing when nothing did', () => {
    const values = leadToValues(lead);
    expect(leadPatch(lead, values)).toEqual({});
    expect(leadPatch(lead, { ...values, region: '', title: 'CTO' })).toEqual({ region: null, title: 'CTO' });
    expect(leadPatch(lead, { ...values, ownerId: null })).toEqual({ ownerId: null });
  });

  it('bands scores', () => {
    expect([scoreBand(-5), scoreBand(19), scoreBand(20), scoreBand(50)]).toEqual(['cold', 'cold', 'warm', 'hot']);
  });
});

describe('convertBody', () => {
  const pipelines = [{ id: 'p1', stages: [{ id: 's1' }, { id: 's2' }] }, { id: 'p2', stages: [{ id: 's9' }] }] as unknown as Pipeline[];

  it('leaves the account to the server when reusing the company’s, null for an individual consumer', () => {
    expect(convertBody({ account: 'company', contact: 'auto', withOpportunity: false }, pipelines, 'CNY', 2)).toEqual({ opportunity: null });
    expect(convertBody({ account: 'none', contact: 'c1', withOpportunity: false }, pipelines, 'CNY', 2)).toEqual({ accountId: null, contactId: 'c1', opportunity: null });
    expect(convertBody({ account: 'pick', accountId: 'a9', contact: 'auto', withOpportunity: false }, pipelines, 'CNY', 2)).toMatchObject({ accountId: 'a9' });
  });

  it('sends the opportunity’s amount in minor units and the pipeline of the chosen stage', () => {
    expect(convertBody({ account: 'company', contact: 'auto', withOpportunity: true, opportunityName: ' 华为 ERP ', amount: 1234.5, stageId: 's9' }, pipelines, 'CNY', 2)).toEqual({
      opportunity: { name: '华为 ERP', amount: 123450, currency: 'CNY', pipelineId: 'p2', stageId: 's9' },
    });
    expect(convertBody({ account: 'company', contact: 'auto', withOpportunity: true, amount: null }, pipelines, 'CNY', 2)).toEqual({ opportunity: {} });
  });
});

describe('rule values', () => {
  it('cleans condition values and drops them for isSet; an unset field is no condition', () => {
    expect(toCondition({ field: 'source', operator: 'in', values: [' web ', '', 'web', '展会'] })).toEqual({ field: 'source', operator: 'in', values: ['web', '展会'] });
    expect(toCondition({ field: 'email', operator: 'isSet', values: ['x'] })).toEqual({ field: 'email', operator: 'isSet', values: [] });
    expect(toCondition({ operator: 'in' })).toBeNull();
  });

  it('builds assignment and scoring bodies; a scoring rule is a field or a behaviour, never both', () => {
    expect(assignmentBody({ name: ' 华东 ', active: true, position: 2, conditions: [{ field: 'region', operator: 'in', values: ['华东'] }, {}], assignees: ['u1'] })).toEqual({
      name: '华东', active: true, position: 2, conditions: [{ field: 'region', operator: 'in', values: ['华东'] }], assignees: ['u1'],
    });
    expect(scoringBody({ name: 'Replies', kind: 'behaviour', behaviour: 'email_in', condition: { field: 'source', values: ['web'] }, points: 5, maxTimes: 3, active: true })).toEqual({
      name: 'Replies', condition: null, behaviour: 'email_in', points: 5, maxTimes: 3, active: true,
    });
    expect(scoringBody({ name: 'CEO', kind: 'field', behaviour: 'call', condition: { field: 'title', operator: 'contains', values: ['CEO'] }, points: 20, active: false })).toMatchObject({ behaviour: null, condition: { field: 'title' } });
    expect(nextPosition([{ position: 0 }, { position: 4 }])).toBe(5);
    expect(nextPosition([])).toBe(0);
  });
});
