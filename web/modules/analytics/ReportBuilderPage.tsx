import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ReportActions } from './ReportActions';
import { fieldLabel } from './reportText';
import { ReportView, type ReportViewHandle } from './ReportView';
import { SaveReportModal } from './SaveReportModal';
import { AGGREGATES, CHART_TYPES, DATE_BUCKETS, type ChartType, type ListField, type Report, type ReportDefinition, type ReportResult } from './types';

const OPERATORS: Record<ListField['type'], string[]> = {
  text: ['eq', 'ne', 'contains', 'startsWith', 'in', 'isNull'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull'],
  timestamp: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  uuid: ['eq', 'ne', 'in', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
};
interface FilterRow {
  field: string;
  operator: string;
  value: string;
}
const parseFilter = (f: string): FilterRow => {
  const [field = '', operator = 'eq', ...rest] = f.split(':');
  return { field, operator, value: rest.join(':') };
};
export const REPORTS_KEY = ['/reports'];

/** Builds a report step by step — object, filters, groupings, measures, chart — with a live preview; saves, exports and pins it. */
export function ReportBuilderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const viewRef = useRef<ReportViewHandle>(null);
  const saved = useQuery({ queryKey: ['/reports', id], queryFn: ({ signal }) => api.get<Report>(`/reports/${id}`, undefined, signal), enabled: Boolean(id) });
  const [definition, setDefinition] = useState<ReportDefinition>({ objectType: '', groupBy: [], measures: [{ aggregate: 'count' }] });
  const [filters, setFilters] = useState<FilterRow[]>([]);
  const [chart, setChart] = useState<ChartType>('bar');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!saved.data) return;
    setDefinition(saved.data.definition);
    setFilters((saved.data.definition.filters ?? []).map(parseFilter));
    setChart(saved.data.chart);
  }, [saved.data]);

  const objects = useQuery({ queryKey: ['/reports/objects'], queryFn: ({ signal }) => api.get<{ data: { objectType: string }[] }>('/reports/objects', undefined, signal) });
  const fields = useQuery({
    queryKey: ['/views/fields', definition.objectType],
    queryFn: ({ signal }) => api.get<{ data: ListField[] }>('/views/fields', { objectType: definition.objectType }, signal),
    enabled: Boolean(definition.objectType),
  });
  const fieldList = fields.data?.data ?? [];
  const typeOf = (name: string) => fieldList.find((f) => f.name === name)?.type;
  const fieldOptions = (only?: (f: ListField) => boolean) => fieldList.filter((f) => !only || only(f)).map((f) => ({ value: f.name, label: fieldLabel(t, f.name) }));

  const complete = filters.filter((f) => f.field && (f.value !== '' || f.operator === 'isNull'));
  const wanted: ReportDefinition = { ...definition, filters: complete.map((f) => `${f.field}:${f.operator}:${f.value}`) };
  const debounced = useDebouncedValue(wanted, 400);
  const preview = useQuery({
    queryKey: ['/reports/run', debounced],
    queryFn: () => api.post<ReportResult>('/reports/run', { definition: debounced }),
    enabled: Boolean(debounced.objectType),
  });
  const patch = (changes: Partial<ReportDefinition>) => setDefinition((d) => ({ ...d, ...changes }));
  const groups = definition.groupBy ?? [];
  const measures = definition.measures ?? [];

  async function save(values: { name: string; shared: boolean; schedule: Report['schedule'] }) {
    setSaving(true);
    try {
      const body = { ...values, definition: wanted, chart };
      const report = id ? await api.patch<Report>(`/reports/${id}`, body) : await api.post<Report>('/reports', body);
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      message.success(t('reports.saved'));
      if (!id) navigate(`/reports/${report.id}`, { replace: true });
      return true;
    } finally {
      setSaving(false);
    }
  }

  if (id && saved.isPending) return <Spin />;
  if (saved.error) return <ErrorAlert error={saved.error} />;
  return (
    <>
      <PageHeader
        title={saved.data?.name ?? t('reports.new')}
        extra={
          <Space wrap>
            {saved.data && <ReportActions report={saved.data} png={() => viewRef.current?.png() ?? null} />}
            <SaveReportModal report={saved.data} disabled={!definition.objectType} saving={saving} onSave={save} />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <Flex vertical gap={12}>
              <label>
                <Typography.Text strong>{t('reports.object')}</Typography.Text>
                <Select
                  style={{ width: '100%' }}
                  value={definition.objectType || undefined}
                  placeholder={t('reports.pickObject')}
                  data-testid="report-object"
                  options={(objects.data?.data ?? []).map((o) => ({ value: o.objectType, label: t(`reports.objects.${o.objectType}`, { defaultValue: o.objectType }) }))}
                  onChange={(objectType: string) => {
                    setFilters([]);
                    setDefinition({ objectType, groupBy: [], measures: [{ aggregate: 'count' }] });
                  }}
                />
              </label>
              {definition.objectType && (
                <>
                  <div>
                    <Typography.Text strong>{t('reports.filters')}</Typography.Text>
                    {filters.map((f, i) => (
                      <Space.Compact key={i} style={{ width: '100%', marginTop: 4 }}>
                        <Select style={{ width: '38%' }} value={f.field || undefined} placeholder={t('reports.filterField')} options={fieldOptions()} showSearch={{ optionFilterProp: 'label' }} onChange={(field: string) => setFilters(filters.map((x, j) => (j === i ? { ...x, field, operator: OPERATORS[typeOf(field) ?? 'text'][0]! } : x)))} />
                        <Select style={{ width: '27%' }} value={f.operator} options={OPERATORS[typeOf(f.field) ?? 'text'].map((op) => ({ value: op, label: t(`reports.operators.${op}`) }))} onChange={(operator: string) => setFilters(filters.map((x, j) => (j === i ? { ...x, operator } : x)))} />
                        <Input style={{ width: '30%' }} value={f.value} placeholder={t('reports.filterValue')} onChange={(e) => setFilters(filters.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
                        <Button icon={<DeleteOutlined />} aria-label={t('reports.delete')} onClick={() => setFilters(filters.filter((_, j) => j !== i))} />
                      </Space.Compact>
                    ))}
                    <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setFilters([...filters, { field: '', operator: 'eq', value: '' }])}>
                      {t('reports.addFilter')}
                    </Button>
                  </div>
                  <div>
                    <Typography.Text strong>{t('reports.groupBy')}</Typography.Text>
                    {groups.map((g, i) => (
                      <Space.Compact key={i} style={{ width: '100%', marginTop: 4 }}>
                        <Select style={{ width: '60%' }} value={g.field} options={fieldOptions()} showSearch={{ optionFilterProp: 'label' }} data-testid={`report-group-${i}`} onChange={(field: string) => patch({ groupBy: groups.map((x, j) => (j === i ? { field, bucket: typeOf(field) === 'timestamp' ? 'month' : null } : x)) })} />
                        {typeOf(g.field) === 'timestamp' && (
                          <Select style={{ width: '30%' }} value={g.bucket ?? 'month'} options={DATE_BUCKETS.map((b) => ({ value: b, label: t(`reports.buckets.${b}`) }))} onChange={(bucket) => patch({ groupBy: groups.map((x, j) => (j === i ? { ...x, bucket } : x)) })} />
                        )}
                        <Button icon={<DeleteOutlined />} aria-label={t('reports.delete')} onClick={() => patch({ groupBy: groups.filter((_, j) => j !== i), sort: null })} />
                      </Space.Compact>
                    ))}
                    {groups.length < 2 && (
                      <Button size="small" type="link" icon={<PlusOutlined />} data-testid="report-add-group" disabled={fieldList.length === 0} onClick={() => patch({ groupBy: [...groups, { field: fieldList[0]!.name, bucket: fieldList[0]!.type === 'timestamp' ? 'month' : null }] })}>
                        {t('reports.addGroup')}
                      </Button>
                    )}
                  </div>
                  <div>
                    <Typography.Text strong>{t('reports.measures')}</Typography.Text>
                    {measures.map((m, i) => (
                      <Space.Compact key={i} style={{ width: '100%', marginTop: 4 }}>
                        <Select style={{ width: '40%' }} value={m.aggregate} options={AGGREGATES.map((a) => ({ value: a, label: t(`reports.aggregateNames.${a}`) }))} data-testid={`report-measure-${i}`} onChange={(aggregate) => patch({ measures: measures.map((x, j) => (j === i ? { aggregate, field: aggregate === 'count' ? null : (x.field ?? null) } : x)) })} />
                        {m.aggregate !== 'count' && (
                          <Select style={{ width: '50%' }} value={m.field ?? undefined} options={fieldOptions((f) => m.aggregate === 'countDistinct' || f.type === 'number')} onChange={(field: string) => patch({ measures: measures.map((x, j) => (j === i ? { ...x, field } : x)) })} />
                        )}
                        <Button icon={<DeleteOutlined />} aria-label={t('reports.delete')} onClick={() => patch({ measures: measures.filter((_, j) => j !== i), sort: null })} />
                      </Space.Compact>
                    ))}
                    <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => patch({ measures: [...measures, { aggregate: 'count' }] })}>
                      {t('reports.addMeasure')}
                    </Button>
                  </div>
                  {groups.length === 0 && measures.length === 0 && (
                    <label>
                      <Typography.Text strong>{t('reports.fields')}</Typography.Text>
                      <Select mode="multiple" style={{ width: '100%' }} value={definition.fields ?? []} options={fieldOptions()} onChange={(f: string[]) => patch({ fields: f })} />
                    </label>
                  )}
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{t('reports.sort')}</Typography.Text>
                    <Select
                      style={{ width: 180 }}
                      allowClear
                      value={definition.sort?.replace(/^-/, '') || undefined}
                      options={(preview.data?.columns ?? []).map((c) => ({ value: c.key, label: c.kind === 'measure' ? t(`reports.aggregateNames.${c.aggregate}`) + (c.field ? ` · ${fieldLabel(t, c.field)}` : '') : fieldLabel(t, c.field ?? c.key) }))}
                      onChange={(key?: string) => patch({ sort: key ? `${definition.sort?.startsWith('-') ? '-' : ''}${key}` : null })}
                    />
                    <Switch size="small" checked={definition.sort?.startsWith('-') ?? false} disabled={!definition.sort} onChange={(desc) => patch({ sort: `${desc ? '-' : ''}${definition.sort!.replace(/^-/, '')}` })} />
                    <Typography.Text type="secondary">{t('reports.descending')}</Typography.Text>
                  </Flex>
                  <Flex gap={8} align="center">
                    <Typography.Text strong>{t('reports.limit')}</Typography.Text>
                    <InputNumber min={1} max={1000} value={definition.limit ?? undefined} onChange={(limit) => patch({ limit: limit ?? null })} />
                  </Flex>
                </>
              )}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={t('reports.preview')}
            extra={<Select<ChartType> style={{ width: 130 }} value={chart} onChange={setChart} data-testid="report-chart" options={CHART_TYPES.map((c) => ({ value: c, label: t(`reports.charts.${c}`) }))} />}
          >
            {!definition.objectType ? (
              <Typography.Text type="secondary">{t('reports.pickObject')}</Typography.Text>
            ) : preview.error ? (
              <ErrorAlert error={preview.error} />
            ) : !preview.data ? (
              <Spin />
            ) : (
              <ReportView ref={viewRef} result={preview.data} chart={chart} height={420} testId="report-preview" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
