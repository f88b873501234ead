import { AppstoreOutlined, FilterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Segmented, Select } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useCursorList } from '../../app/useCursorList';
import { EmptyState } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { ListFilters } from '../ListFilters';
import { LoadMore } from '../LoadMore';
import { BulkActions } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { columnTerm, groupableFields } from './fields';
import { FilterBuilder } from './FilterBuilder';
import { FilterSummary } from './FilterSummary';
import { fromLogicParam, listFilterQuery, logicOf } from './filterQuery';
import { KanbanBoard } from './KanbanBoard';
import type { ListConfig } from './listConfig';
import type { ListRecord } from './records';
import { RecordTable } from './RecordTable';
import { useColumns } from './useColumns';
import { useListFields } from './useListFields';
import { useListShortcuts } from './useListShortcuts';
import { useListState } from './useListState';
import { viewToState } from './views';
import { ViewBar } from './ViewBar';

const SETTABLE_KINDS = new Set(['text', 'number', 'date', 'boolean', 'select', 'member']);
const FILTER_ERRORS = new Set(['INVALID_FILTER', 'INVALID_FILTER_LOGIC']);

interface RecordListProps<T extends ListRecord> {
  config: ListConfig<T>;
  /** The call to action of the empty list (usually "add"). */
  emptyAction?: ReactNode;
  /** Filter terms of the page around the list (a chosen pipeline), ANDed to the list's own. */
  extraFilters?: readonly string[];
  /** The module's own board in place of the generic kanban, given the list's filters (opportunities by stage). */
  board?: (query: { filter: string[]; filterLogic?: string }) => ReactNode;
}

/**
 * A CRM record list from a module's configuration: quick and built filters, saved views, chosen columns,
 * sort by header, bulk actions, virtual rows with more on scrolling, and a kanban board. All in the URL.
 */
export function RecordList<T extends ListRecord>({ config, emptyAction, extraFilters = [], board }: RecordListProps<T>) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const p = config.testIdPrefix;
  const list = useListState(
    config.textFields.map((f) => f.value),
    config.defaultSort,
    config.defaultMode,
  );
  const state = list.value;
  const { fields, byName } = useListFields(config.objectType, config.fields);
  const defaultColumns = useMemo(() => config.columns.filter((c) => c.shown !== false).map((c) => c.key), [config.columns]);
  const { columns, setColumns, reset: resetColumns } = useColumns(config.objectType, defaultColumns);
  const [builderOpen, setBuilderOpen] = useState(state.filters.length > 0);
  const [focusSignal, setFocusSignal] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);

  // The quick filters hold as well as the builder's: numbered after its conditions, ANDed to its logic.
  const extra = [...extraFilters, ...(state.owner === 'me' && !config.ownerless ? [`ownerId:eq:${user.id}`] : []), ...(state.text.trim() ? [`${state.field}:contains:${state.text.trim()}`] : [])];
  const { match, custom } = fromLogicParam(state.logic);
  const logic = logicOf(match, custom, state.filters.length);
  const query = { sort: state.sort, ...listFilterQuery(state.filters, logic, extra) };
  const kanban = state.mode === 'kanban';
  const rows = useCursorList<T>(config.path, query, { enabled: !kanban });
  const queryKey = JSON.stringify(query);
  useEffect(() => setSelected([]), [queryKey, kanban]);

  const filterError = isApiError(rows.error) && FILTER_ERRORS.has(rows.error.code) ? rows.error.message : null;
  const groupable = groupableFields(fields).filter((f) => f.custom || config.kanbanFields.includes(f.name));
  const groupField = groupable.find((f) => f.name === state.group) ?? groupable[0];
  const settable = fields.filter((f) => SETTABLE_KINDS.has(f.kind) && (f.custom || config.bulkFields.includes(f.name)));
  const columnOptions = [
    ...config.columns.map((c) => ({ key: c.key, label: c.titleKey ? t(c.titleKey) : (byName.get(c.key)?.label ?? t(`fields.${c.key}`)) })),
    ...fields.filter((f) => f.custom || f.contributed).map((f) => ({ key: f.name, label: f.label })),
  ];
  const selectedRows = rows.rows.filter((r) => selected.includes(r.id));

  const focusFilter = useCallback(() => {
    setBuilderOpen(true);
    setFocusSignal((n) => n + 1);
  }, []);
  const clearSelection = useCallback(() => setSelected([]), []);
  useListShortcuts(focusFilter, clearSelection);

  const empty = !kanban && !rows.isPending && !rows.error && rows.rows.length === 0;
  const end = (
    <Flex wrap gap={8}>
      <ViewBar
        objectType={config.objectType}
        state={state}
        columns={columns}
        defaultSort={config.defaultSort}
        testIdPrefix={p}
        onApply={(view) => {
          if (!view) return list.set({ filters: [], logic: '', sort: config.defaultSort, view: '' });
          list.set(viewToState(view, config.defaultSort));
          if (view.columns.length) setColumns(view.columns);
          setBuilderOpen(view.filters.length > 0);
        }}
      />
      <Badge count={state.filters.length} size="small" color="#1677ff">
        <Button icon={<FilterOutlined />} type={builderOpen ? 'primary' : 'default'} ghost={builderOpen} onClick={() => setBuilderOpen(!builderOpen)} data-testid={`${p}-filter-open`} title="f">
          {t('lists.filter.button')}
        </Button>
      </Badge>
      {!kanban && <ColumnChooser options={columnOptions} value={columns} onChange={setColumns} onReset={resetColumns} testIdPrefix={p} />}
      {kanban && !board && groupable.length > 0 && (
        <Select
          value={groupField?.name}
          onChange={(group: string) => list.set({ group })}
          prefix={t('lists.kanban.groupBy')}
          popupMatchSelectWidth={false}
          data-testid={`${p}-group-by`}
          options={groupable.map((f) => ({ value: f.name, label: f.label }))}
        />
      )}
      <Segmented
        value={state.mode}
        onChange={(mode) => list.set({ mode: mode as 'list' | 'kanban' })}
        options={[
          { value: 'list', icon: <UnorderedListOutlined />, label: <span data-testid={`${p}-mode-list`}>{t('lists.mode.list')}</span> },
          { value: 'kanban', icon: <AppstoreOutlined />, label: <span data-testid={`${p}-mode-kanban`}>{t('lists.mode.kanban')}</span> },
        ]}
      />
    </Flex>
  );

  return (
    <>
      <ListFilters
        value={{ owner: state.owner, text: state.text, field: state.field }}
        onChange={(patch) => list.set(patch)}
        testIdPrefix={p}
        showOwner={!config.ownerless}
        fields={config.textFields.map((f) => ({ value: f.value, label: t(f.labelKey) }))}
        end={end}
      />
      {(builderOpen || filterError) && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <FilterBuilder
            fields={fields}
            filters={state.filters}
            logic={state.logic}
            onApply={(filters, logicParam) => list.set({ filters, logic: logicParam })}
            error={filterError}
            focusSignal={focusSignal}
            testIdPrefix={p}
          />
        </Card>
      )}
      {!builderOpen && !filterError && state.filters.length > 0 && <FilterSummary fields={byName} filters={state.filters} logic={state.logic} onOpen={() => setBuilderOpen(true)} />}
      {rows.error && !filterError && <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />}
      {!kanban && selectedRows.length > 0 && <BulkActions path={config.path} selected={selectedRows} settable={settable} onClear={clearSelection} />}
      {kanban ? (
        board ? (
          board(listFilterQuery(state.filters, logic, extra))
        ) : groupField ? (
          <KanbanBoard
            config={config}
            field={groupField}
            columnQuery={(value) => ({ sort: state.sort, ...listFilterQuery(state.filters, logic, [...extra, columnTerm(groupField.name, value)]) })}
          />
        ) : (
          <Card>
            <EmptyState title={t('lists.kanban.noField')} description={t('lists.kanban.noFieldText')} />
          </Card>
        )
      ) : (
        <>
          <Card styles={{ body: { padding: empty ? undefined : 0 } }}>
            {empty && list.filtered ? (
              <EmptyState
                title={t(config.texts.noMatchTitle)}
                description={t(config.texts.noMatchText)}
                action={<Button onClick={list.clear}>{t('contacts.filters.clear')}</Button>}
                testId={`${p}-no-match`}
              />
            ) : empty ? (
              <EmptyState title={t(config.texts.emptyTitle)} description={t(config.texts.emptyText)} action={emptyAction} testId={`${p}-empty`} />
            ) : (
              <RecordTable
                config={config}
                fields={byName}
                columns={columns}
                rows={rows.rows}
                loading={rows.isPending}
                sort={state.sort}
                onSort={(sort) => list.set({ sort })}
                selected={selected}
                onSelect={setSelected}
                hasMore={rows.hasMore}
                loadingMore={rows.loadingMore}
                onLoadMore={rows.loadMore}
              />
            )}
          </Card>
          <LoadMore hasMore={rows.hasMore} loading={rows.loadingMore} onLoadMore={rows.loadMore} />
        </>
      )}
    </>
  );
}
