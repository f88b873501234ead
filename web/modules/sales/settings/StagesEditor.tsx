import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES, STAGE_KINDS } from '../../../../contracts/sales';
import { api } from '../../../app/api';
import { problemText } from '../PipelineBoard';
import { pipelineName, stageName } from '../salesFormat';
import type { Pipeline } from '../types';
import { useSalesSettingsChanged } from '../useSales';
import { draftProblems, moveItem, toDrafts, toStagesBody, type StageDraft } from './stageDrafts';

let newRows = 0;

/**
 * The stages of one pipeline, in order: name, probability, kind and forecast category; add, remove, move up or
 * down, then save them all at once (PUT /pipelines/{id}/stages). A stage that still holds deals cannot go.
 */
export function StagesEditor({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useSalesSettingsChanged();
  const [drafts, setDrafts] = useState<StageDraft[]>(() => toDrafts(pipeline.stages));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api.put<Pipeline>(`/pipelines/${pipeline.id}/stages`, toStagesBody(drafts)),
    onMutate: () => setError(null),
    onSuccess: () => {
      message.success(t('common.saved'));
      changed();
    },
    onError: (err) => setError(problemText(err)),
  });
  const set = (index: number, patch: Partial<StageDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const problems = draftProblems(drafts);

  return (
    <Card title={t('sales.settings.stagesOf', { name: pipelineName(pipeline, t) })} data-testid="stages-editor">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="stages-error" />}
      <Table<StageDraft>
        size="small"
        pagination={false}
        rowKey="rowKey"
        dataSource={drafts}
        onRow={() => ({ 'data-testid': 'stage-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'order',
            width: 76,
            render: (_, _row, i) => (
              <Space.Compact>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => setDrafts((all) => moveItem(all, i, -1))} aria-label={t('sales.settings.up')} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === drafts.length - 1} onClick={() => setDrafts((all) => moveItem(all, i, 1))} aria-label={t('sales.settings.down')} />
              </Space.Compact>
            ),
          },
          {
            key: 'name',
            title: t('sales.settings.name'),
            render: (_, row, i) => (
              <Input
                size="small"
                value={row.name}
                maxLength={60}
                placeholder={row.key ? stageName({ key: row.key, name: null }, t) : t('sales.settings.stageName')}
                status={!row.key && !row.name.trim() ? 'error' : undefined}
                onChange={(e) => set(i, { name: e.target.value })}
                data-testid="stage-name-input"
              />
            ),
          },
          {
            key: 'probability',
            title: t('sales.fields.probability'),
            width: 110,
            render: (_, row, i) => <InputNumber<number> size="small" min={0} max={100} precision={0} suffix="%" value={row.probability} onChange={(v) => set(i, { probability: v ?? 0 })} style={{ width: '100%' }} />,
          },
          {
            key: 'kind',
            title: t('sales.settings.kind'),
            width: 120,
            render: (_, row, i) => <Select size="small" value={row.kind} onChange={(kind) => set(i, { kind })} options={STAGE_KINDS.map((k) => ({ value: k, label: t(`sales.status.${k}`) }))} style={{ width: '100%' }} />,
          },
          {
            key: 'forecast',
            title: t('sales.fields.forecastCategory'),
            width: 150,
            render: (_, row, i) => (
              <Select size="small" value={row.forecastCategory} onChange={(forecastCategory) => set(i, { forecastCategory })} options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`sales.forecast.${c}`) }))} style={{ width: '100%' }} />
            ),
          },
          {
            key: 'remove',
            width: 44,
            render: (_, _row, i) => <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={drafts.length <= 3} onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))} aria-label={t('common.delete')} />,
          },
        ]}
      />
      {problems.map((p) => (
        <Alert key={p} type="warning" showIcon title={t(`sales.settings.problems.${p}`)} style={{ marginTop: 12 }} />
      ))}
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button
          icon={<PlusOutlined />}
          disabled={drafts.length >= 30}
          onClick={() => setDrafts((all) => [...all.filter((d) => d.kind === 'open'), { rowKey: `new-${++newRows}`, key: null, name: '', probability: 50, kind: 'open', forecastCategory: 'pipeline' }, ...all.filter((d) => d.kind !== 'open')])}
          data-testid="stage-add"
        >
          {t('sales.settings.addStage')}
        </Button>
        <Flex gap={8}>
          <Button onClick={() => setDrafts(toDrafts(pipeline.stages))}>{t('sales.settings.undo')}</Button>
          <Button type="primary" loading={save.isPending} disabled={problems.length > 0} onClick={() => save.mutate()} data-testid="stages-save">
            {t('sales.settings.saveStages')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
