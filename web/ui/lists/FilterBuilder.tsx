import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Select, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListField } from './fields';
import { ValueEditor } from './ValueEditor';
import { fromLogicParam, fromTerm, isComplete, logicParam, operatorsFor, toTerm, type Condition, type FieldKind, type Match, type Operator } from './filterQuery';

interface FilterBuilderProps {
  fields: readonly ListField[];
  /** The applied terms and logic parameter (from the URL). */
  filters: readonly string[];
  logic: string;
  onApply: (filters: string[], logic: string) => void;
  /** The server's refusal of the applied filters (INVALID_FILTER, INVALID_FILTER_LOGIC), translated. */
  error?: string | null;
  /** Changes when the builder should take the focus (the `f` shortcut). */
  focusSignal?: number;
  testIdPrefix: string;
}

/** The operator's label: dates read "on or after"/"before", multi selects "includes". */
export function operatorLabel(t: (key: string) => string, op: Operator, kind: FieldKind): string {
  if (kind === 'date' && (op === 'gte' || op === 'lt')) return t(`lists.op.date_${op}`);
  if (kind === 'multiselect' && op === 'contains') return t('lists.op.includes');
  return t(`lists.op.${op}`);
}

/**
 * Conditions on any field of the list (custom ones included), numbered, combined by all / any / a custom
 * logic (`1 AND (2 OR 3)`). Edits are a draft until applied.
 */
export function FilterBuilder({ fields, filters, logic, onApply, error, focusSignal, testIdPrefix }: FilterBuilderProps) {
  const { t } = useTranslation();
  const kindOf = (name: string) => fields.find((f) => f.name === name)?.kind;
  const fromProps = () => ({ conditions: filters.map((term) => fromTerm(term, kindOf)).filter((c): c is Condition => c !== null), ...fromLogicParam(logic) });
  const [draft, setDraft] = useState(fromProps);
  const [showInvalid, setShowInvalid] = useState(false);
  const firstControl = useRef<HTMLButtonElement>(null);
  const applied = JSON.stringify([filters, logic, fields.length]);
  useEffect(() => {
    setDraft(fromProps());
    setShowInvalid(false);
  }, [applied]); // a new URL state (a view applied, filters cleared) replaces the draft
  useEffect(() => {
    if (focusSignal) firstControl.current?.focus();
  }, [focusSignal]);

  const { conditions, match, custom } = draft;
  const setConditions = (next: Condition[]) => setDraft({ ...draft, conditions: next });
  const update = (i: number, patch: Partial<Condition>) => setConditions(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const fieldOf = (name: string) => fields.find((f) => f.name === name);

  const add = () => {
    const field = fields[0];
    if (field) setConditions([...conditions, { field: field.name, op: operatorsFor(field)[0]!, value: '' }]);
  };
  const apply = () => {
    if (!conditions.every(isComplete)) {
      setShowInvalid(true);
      return;
    }
    setShowInvalid(false);
    onApply(
      conditions.map((c) => toTerm(c, fieldOf(c.field)?.kind)),
      conditions.length > 1 || match === 'custom' ? logicParam(match, custom) : '',
    );
  };
  const clear = () => {
    setDraft({ conditions: [], match: 'all', custom: '' });
    onApply([], '');
  };

  return (
    <div data-testid={`${testIdPrefix}-filter-builder`}>
      <Flex vertical gap={8}>
        {conditions.length === 0 && <Typography.Text type="secondary">{t('lists.filter.none')}</Typography.Text>}
        {conditions.map((c, i) => {
          const field = fieldOf(c.field);
          const invalid = showInvalid && !isComplete(c);
          return (
            <Flex key={i} gap={8} align="center" wrap data-testid="filter-condition">
              <Tag style={{ minWidth: 28, textAlign: 'center', marginInlineEnd: 0 }} color="blue" data-testid="filter-number">
                {i + 1}
              </Tag>
              <Select
                value={c.field}
                onChange={(name: string) => {
                  const next = fieldOf(name);
                  if (next) update(i, { field: name, op: operatorsFor(next)[0]!, value: '' });
                }}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 180 }}
                aria-label={t('lists.filter.field')}
                data-testid="filter-field"
                popupMatchSelectWidth={false}
                options={fields.map((f) => ({ value: f.name, label: f.label }))}
              />
              {field && (
                <Select
                  value={c.op}
                  onChange={(op: Operator) => update(i, { op, value: op === 'in' || c.op === 'in' ? '' : c.value })}
                  style={{ width: 140 }}
                  aria-label={t('lists.filter.operator')}
                  data-testid="filter-operator"
                  popupMatchSelectWidth={false}
                  options={operatorsFor(field).map((op) => ({ value: op, label: operatorLabel(t, op, field.kind) }))}
                />
              )}
              {field && c.op !== 'isEmpty' && c.op !== 'isNotEmpty' && (
                <div className={invalid ? 'ant-form-item-has-error' : undefined} onKeyDown={(e) => e.key === 'Enter' && field.kind === 'text' && apply()}>
                  <ValueEditor field={field} op={c.op} value={c.value} onChange={(value) => update(i, { value })} testId="filter-value" />
                </div>
              )}
              <Button type="text" icon={<CloseOutlined />} aria-label={t('lists.filter.remove')} onClick={() => setConditions(conditions.filter((_, j) => j !== i))} data-testid="filter-remove" />
            </Flex>
          );
        })}
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={8} wrap align="center">
            <Button ref={firstControl} icon={<PlusOutlined />} onClick={add} disabled={fields.length === 0 || conditions.length >= 20} data-testid="filter-add">
              {t('lists.filter.add')}
            </Button>
            {conditions.length > 1 && (
              <>
                <Typography.Text type="secondary">{t('lists.filter.match')}</Typography.Text>
                <Segmented
                  value={match}
                  onChange={(m) => setDraft({ ...draft, match: m as Match, custom: m === 'custom' && !custom ? conditions.map((_, i) => i + 1).join(' AND ') : custom })}
                  options={(['all', 'any', 'custom'] as const).map((m) => ({ value: m, label: <span data-testid={`filter-match-${m}`}>{t(`lists.filter.match_${m}`)}</span> }))}
                />
              </>
            )}
            {match === 'custom' && (
              <Input
                value={custom}
                onChange={(e) => setDraft({ ...draft, custom: e.target.value })}
                onPressEnter={apply}
                placeholder="1 AND (2 OR 3)"
                aria-label={t('lists.filter.logic')}
                data-testid="filter-logic"
                style={{ width: 220, fontFamily: 'monospace' }}
                maxLength={500}
              />
            )}
          </Flex>
          <Flex gap={8}>
            {(conditions.length > 0 || filters.length > 0) && <Button onClick={clear}>{t('lists.filter.clear')}</Button>}
            <Button type="primary" onClick={apply} data-testid="filter-apply">
              {t('lists.filter.apply')}
            </Button>
          </Flex>
        </Flex>
        {showInvalid && <Alert type="warning" showIcon title={t('lists.filter.incomplete')} />}
        {error && <Alert type="error" showIcon title={t('lists.filter.refused')} description={error} data-testid="filter-error" />}
      </Flex>
    </div>
  );
}
