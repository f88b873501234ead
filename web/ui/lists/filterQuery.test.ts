import { describe, expect, it } from 'vitest';
import { fromLogicParam, fromTerm, isComplete, listFilterQuery, logicOf, logicParam, matchOf, operatorsFor, toTerm } from './filterQuery';

describe('operatorsFor', () => {
  it('offers per kind only what the server allows for the type', () => {
    expect(operatorsFor({ type: 'text', kind: 'text' })).toEqual(['contains', 'eq', 'ne', 'startsWith', 'in', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor({ type: 'uuid', kind: 'member' })).toEqual(['eq', 'ne', 'in', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor({ type: 'boolean', kind: 'boolean' })).toEqual(['eq', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor({ type: 'timestamp', kind: 'date' })).toEqual(['gte', 'lt', 'isEmpty', 'isNotEmpty']);
    // A select on a uuid field would get no `contains`.
    expect(operatorsFor({ type: 'uuid', kind: 'multiselect' })).toEqual(['isEmpty', 'isNotEmpty']);
  });
});

describe('terms', () => {
  it('turns conditions into API terms and back', () => {
    expect(toTerm({ field: 'company', op: 'contains', value: ' 华为 ' })).toBe('company:contains:华为');
    expect(toTerm({ field: 'email', op: 'isEmpty', value: 'x' })).toBe('email:isNull:true');
    expect(toTerm({ field: 'email', op: 'isNotEmpty', value: '' })).toBe('email:isNull:false');
    expect(toTerm({ field: 'lifecycleStage', op: 'in', value: 'target|fan' })).toBe('lifecycleStage:in:target|fan');
    expect(toTerm({ field: 'custom.regions', op: 'contains', value: 'east' }, 'multiselect')).toBe('custom.regions:contains:"east"');
    expect(fromTerm('custom.regions:contains:"east"', () => 'multiselect')).toEqual({ field: 'custom.regions', op: 'contains', value: 'east' });
    expect(fromTerm('createdAt:gte:2026-01-01T08:00:00Z')).toEqual({ field: 'createdAt', op: 'gte', value: '2026-01-01T08:00:00Z' });
    expect(fromTerm('email:isNull:false')).toEqual({ field: 'email', op: 'isNotEmpty', value: '' });
    expect(fromTerm('email:like:x')).toBeNull();
    expect(fromTerm('nonsense')).toBeNull();
  });

  it('knows a condition without a value is not complete', () => {
    expect(isComplete({ field: 'name', op: 'contains', value: ' ' })).toBe(false);
    expect(isComplete({ field: 'name', op: 'isEmpty', value: '' })).toBe(true);
    expect(isComplete({ field: '', op: 'eq', value: 'x' })).toBe(false);
  });
});

describe('logic', () => {
  it('combines by all, any or a custom expression', () => {
    expect(logicOf('all', '', 3)).toBeUndefined();
    expect(logicOf('any', '', 3)).toBe('1 OR 2 OR 3');
    expect(logicOf('any', '', 1)).toBeUndefined();
    expect(logicOf('custom', ' 1 AND (2 OR 3) ', 3)).toBe('1 AND (2 OR 3)');
  });

  it('reads a stored logic back as all, any or custom', () => {
    expect(matchOf(null, 2)).toEqual({ match: 'all', custom: '' });
    expect(matchOf('1 or  2', 2)).toEqual({ match: 'any', custom: '' });
    expect(matchOf('1 OR 2', 3)).toEqual({ match: 'custom', custom: '1 OR 2' });
    expect(fromLogicParam(logicParam('any', ''))).toEqual({ match: 'any', custom: '' });
    expect(fromLogicParam(logicParam('custom', '1 AND NOT 2'))).toEqual({ match: 'custom', custom: '1 AND NOT 2' });
    expect(logicParam('all', 'ignored')).toBe('');
  });

  it('ANDs the quick filters and kanban terms after the builder logic', () => {
    expect(listFilterQuery(['a:eq:1', 'b:eq:2'], '1 OR 2', ['c:eq:3'])).toEqual({ filter: ['a:eq:1', 'b:eq:2', 'c:eq:3'], filterLogic: '(1 OR 2) AND 3' });
    expect(listFilterQuery(['a:eq:1', 'b:eq:2'], '1 OR 2', ['c:eq:3', 'd:eq:4'])).toEqual({ filter: ['a:eq:1', 'b:eq:2', 'c:eq:3', 'd:eq:4'], filterLogic: '(1 OR 2) AND 3 AND 4' });
    expect(listFilterQuery(['a:eq:1'], undefined, ['c:eq:3'])).toEqual({ filter: ['a:eq:1', 'c:eq:3'] });
    expect(listFilterQuery([], '1 OR 2', ['c:eq:3'])).toEqual({ filter: ['c:eq:3'] });
  });
});
