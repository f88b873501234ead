import { PlusOutlined } from '@ant-design/icons';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Table, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { FormAlert } from '../../../ui/FormAlert';
import { pipelineName, stageName } from '../salesFormat';
import type { Pipeline } from '../types';
import { useSalesSettingsChanged } from '../useSales';

interface PipelinesCardProps {
  pipelines: UseQueryResult<Pipeline[]>;
  /** The pipeline whose stages are being edited below. */
  editing: string | null;
  onEdit: (id: string) => void;
}

/** The workspace's pipelines: add, rename, make default, archive; choose one to edit its stages. */
export function PipelinesCard({ pipelines, editing, onEdit }: PipelinesCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useSalesSettingsChanged();
  const [naming, setNaming] = useState<Pipeline | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: { name: string }) => (naming === 'new' ? api.post<Pipeline>('/pipelines', { name: values.name.trim() }) : api.patch<Pipeline>(`/pipelines/${(naming as Pipeline).id}`, { name: values.name.trim() })),
    (saved) => {
      setNaming(null);
      message.success(t('common.saved'));
      changed();
      onEdit(saved.id);
    },
  );
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api.patch<Pipeline>(`/pipelines/${id}`, body),
    onSuccess: () => {
      message.success(t('common.saved'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <Card
      title={t('sales.settings.pipelines')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setNaming('new')} data-testid="pipeline-add">
          {t('sales.settings.addPipeline')}
        </Button>
      }
    >
      {pipelines.error && <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />}
      <Table<Pipeline>
        size="small"
        pagination={false}
        loading={pipelines.isPending}
        rowKey="id"
        dataSource={pipelines.data ?? []}
        onRow={(row) => ({ 'data-testid': 'pipeline-row', style: row.id === editing ? { background: 'rgba(22,119,255,0.06)' } : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('sales.settings.name'),
            render: (_, row) => (
              <Flex gap={6} wrap>
                {pipelineName(row, t)}
                {row.isDefault && <Tag color="blue">{t('sales.settings.default')}</Tag>}
                {row.archivedAt && <Tag>{t('sales.settings.archived')}</Tag>}
              </Flex>
            ),
          },
          { key: 'stages', title: t('sales.settings.stages'), ellipsis: true, render: (_, row) => row.stages.map((s) => stageName(s, t)).join(' → ') },
          {
            key: 'actions',
            width: 360,
            render: (_, row) => (
              <Flex gap={4} wrap>
                <Button size="small" type={row.id === editing ? 'primary' : 'default'} onClick={() => onEdit(row.id)}>
                  {t('sales.settings.editStages')}
                </Button>
                <Button size="small" onClick={() => setNaming(row)}>
                  {t('sales.settings.rename')}
                </Button>
                {!row.isDefault && !row.archivedAt && (
                  <Button size="small" onClick={() => patch.mutate({ id: row.id, body: { isDefault: true } })}>
                    {t('sales.settings.makeDefault')}
                  </Button>
                )}
                {!row.isDefault && (
                  <Button size="small" onClick={() => patch.mutate({ id: row.id, body: { archived: !row.archivedAt } })}>
                    {t(row.archivedAt ? 'sales.settings.unarchive' : 'sales.settings.archive')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={naming !== null}
        title={t(naming === 'new' ? 'sales.settings.addPipeline' : 'sales.settings.rename')}
        okText={t('common.save')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': 'pipeline-submit' } as ButtonProps}
        onCancel={() => setNaming(null)}
        afterClose={reset}
        destroyOnHidden
      >
        <FormAlert message={error} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: naming && naming !== 'new' ? naming.name : '' }}>
          {/* The built-in pipeline has no stored name: its translated one is the hint, not a value saved in one language. */}
          <Form.Item name="name" label={t('sales.settings.name')} rules={[{ required: true, whitespace: true }]}>
            <Input autoFocus maxLength={80} placeholder={naming && naming !== 'new' ? pipelineName(naming, t) : undefined} data-testid="pipeline-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
