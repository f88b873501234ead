import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../app/useMembers';
import type { ListField } from './fields';
import { operatorLabel } from './FilterBuilder';
import { fromLogicParam, fromTerm, needsValue } from './filterQuery';

interface FilterSummaryProps {
  fields: ReadonlyMap<string, ListField>;
  filters: readonly string[];
  logic: string;
  /** Opens the builder. */
  onOpen: () => void;
}

/** The applied conditions, numbered, when the builder is closed: what the list is filtered by at a glance. */
export function FilterSummary({ fields, filters, logic, onOpen }: FilterSummaryProps) {
  const { t } = useTranslation();
  const { byId } = useMembers();
  const { match, custom } = fromLogicParam(logic);
  const shown = (field: ListField | undefined, value: string) =>
    value
      .split('|')
      .map((v) => {
        if (field?.kind === 'member') return byId.get(v)?.name ?? v;
        if (field?.kind === 'date') return dayjs(v).format('YYYY-MM-DD');
        return field?.choices?.find((c) => c.value === v)?.label ?? v;
      })
      .join(', ');
  return (
    <Flex wrap gap={6} align="center" style={{ marginBottom: 12, cursor: 'pointer' }} onClick={onOpen} data-testid="filter-summary">
      {filters.map((term, i) => {
        const c = fromTerm(term, (name) => fields.get(name)?.kind);
        if (!c) return null;
        const field = fields.get(c.field);
        return (
          <Tag key={i} color="blue" style={{ marginInlineEnd: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i + 1}
            </Typography.Text>{' '}
            {field?.label ?? c.field} {operatorLabel(t, c.op, field?.kind ?? 'text')} {needsValue(c.op) && <strong>{shown(field, c.value)}</strong>}
          </Tag>
        );
      })}
      {filters.length > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {match === 'custom' ? custom : t(`lists.filter.match_${match}`)}
        </Typography.Text>
      )}
    </Flex>
  );
}
