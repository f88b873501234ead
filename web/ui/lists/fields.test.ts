import { describe, expect, it } from 'vitest';
import { columnTerm, groupableFields, kanbanColumns, localLabel, toListFields, type CustomFieldDefinition } from './fields';

const t = (key: string) => `«${key}»`;
const def = (key: string, type: string, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition => ({
  id: key,
  key,
  label: { en: key.toUpperCase(), 'zh-CN': `中${key}` },
  type,
  options: {},
  required: false,
  position: 0,
  archivedAt: null,
  ...extra,
});

describe('toListFields', () => {
  const fields = toListFields(
    [
      { name: 'name', type: 'text', sortable: true },
      { name: 'lifecycleStage', type: 'text', sortable: false },
      { name: 'ownerId', type: 'uuid', sortable: false },
      { name: 'createdAt', type: 'timestamp', sortable: true },
      { name: 'custom.tier', type: 'text', sortable: true },
      { name: 'custom.regions', type: 'text', sortable: false },
      { name: 'custom.manager', type: 'uuid', sortable: true },
    ],
    [
      def('tier', 'single_select', { options: { choices: [{ value: 'gold', label: { en: 'Gold', 'zh-TW': '金' } }] } }),
      def('regions', 'multi_select'),
      def('manager', 'user'),
    ],
    { lifecycleStage: { choices: [{ value: 'fan', labelKey: 'customers.lifecycle.fan' }] } },
    t,
    'zh-TW',
  );
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));

  it('labels and types standard fields with the module config', () => {
    expect(byName.name).toMatchObject({ label: '«fields.name»', kind: 'text', custom: false, sortable: true });
    expect(byName.lifecycleStage).toMatchObject({ kind: 'select', choices: [{ value: 'fan', label: '«customers.lifecycle.fan»' }] });
    expect(byName.ownerId!.kind).toBe('member');
    expect(byName.createdAt!.kind).toBe('date');
  });

  it('labels custom fields in the UI language and types them by definition', () => {
    expect(byName['custom.tier']).toMatchObject({ label: '中tier', kind: 'select', custom: true, choices: [{ value: 'gold', label: '金' }] });
    expect(byName['custom.regions']!.kind).toBe('multiselect');
    expect(byName['custom.manager']!.kind).toBe('member');
    expect(byName['custom.tier']!.day).toBe(false);
    expect(groupableFields(fields).map((f) => f.name)).toEqual(['lifecycleStage', 'custom.tier']);
  });

  it('makes a kanban column for none (unless required), then one per choice', () => {
    expect(kanbanColumns(byName['custom.tier']!)).toEqual([
      { key: '(none)', value: null, label: null },
      { key: 'gold', value: 'gold', label: '金' },
    ]);
    expect(kanbanColumns({ ...byName['custom.tier']!, required: true })).toHaveLength(1);
    expect(columnTerm('type', 'partner')).toBe('type:eq:partner');
    expect(columnTerm('type', null)).toBe('type:isNull:true');
  });

  it('falls back across languages for labels', () => {
    expect(localLabel({ en: 'Budget' }, 'zh-CN', 'budget')).toBe('Budget');
    expect(localLabel({ 'zh-CN': '预算' }, 'zh-TW', 'budget')).toBe('预算');
    expect(localLabel({}, 'en', 'budget')).toBe('budget');
  });
});
