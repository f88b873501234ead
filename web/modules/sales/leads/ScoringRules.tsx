import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_BEHAVIOURS } from '../../../../contracts/sales';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { JobProgress } from '../../../ui/JobProgress';
import { ConditionFields, useDescribeCondition } from './ConditionFields';
import { scoringBody, scoringToValues, type ScoringValues } from './ruleValues';
import { ruleActionColumns } from './ruleColumns';
import type { ScoringRule } from './types';
import { useLeadsChanged, useScoringRules } from './useLeads';

type Rescored = { rescoreJobId: string | null };

/** Scoring rules: points for lead fields and for behaviour; any change rescores every lead in a job, shown here. */
export function ScoringRules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useScoringRules();
  const describe = useDescribeCondition();
  const queryClient = useQueryClient();
  const leadsChanged = useLeadsChanged();
  const [editing, setEditing] = useState<ScoringRule | 'new' | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [form] = Form.useForm<ScoringValues>();
  const kind = Form.useWatch('kind', form);
  const rescoring = (result: Rescored | null) => {
    void queryClient.invalidateQueries({ queryKey: ['/lead-scoring-rules'] });
    if (result?.rescoreJobId) setJobId(result.rescoreJobId);
  };
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: ScoringValues) =>
      editing === 'new' || !editing ? api.post<ScoringRule & Rescored>('/lead-scoring-rules', scoringBody(values)) : api.patch<ScoringRule & Rescored>(`/lead-scoring-rules/${editing.id}`, scoringBody(values)),
    (saved) => {
      setEditing(null);
      message.success(t('common.saved'));
      rescoring(saved);
    },
  );
  const toggle = useMutation({
    mutationFn: (rule: ScoringRule) => api.patch<Rescored>(`/lead-scoring-rules/${rule.id}`, { active: !rule.active }),
    onSuccess: rescoring,
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete<Rescored>(`/lead-scoring-rules/${id}`), onSuccess: rescoring, onError: (err) => message.error(err.message) });
  const start: ScoringValues = editing && editing !== 'new' ? scoringToValues(editing) : { name: '', kind: 'field', condition: { operator: 'in', values: [] }, points: 10, maxTimes: 1, active: true };

  return (
    <Card
      title={t('leadRules.scoring.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="scoring-rule-add">
          {t('leadRules.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('leadRules.scoring.help')}</Typography.Paragraph>
      {jobId && (
        <div style={{ marginBottom: 12 }} data-testid="rescore-progress">
          <Typography.Text>{t('leadRules.scoring.rescoring')}</Typography.Text>
          <JobProgress jobId={jobId} onFinished={() => leadsChanged()} />
        </div>
      )}
      <Table<ScoringRule>
        rowKey="id"
        size="small"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={false}
        locale={{ emptyText: t('leadRules.scoring.empty') }}
        columns={[
          { key: 'name', title: t('leadRules.name'), render: (_, rule) => <a onClick={() => setEditing(rule)}>{rule.name}</a> },
          {
            key: 'when',
            title: t('leadRules.scoring.when'),
            render: (_, rule) =>
              rule.behaviour ? t('leadRules.scoring.behaviourAtMost', { behaviour: t(`leadRules.behaviours.${rule.behaviour}`), times: rule.maxTimes }) : rule.condition ? describe(rule.condition) : '—',
          },
          { key: 'points', title: t('leadRules.points'), width: 90, align: 'right', render: (_, rule) => (rule.points > 0 ? `+${rule.points}` : rule.points) },
          ...ruleActionColumns<ScoringRule>(t, (rule) => toggle.mutate(rule), (id) => remove.mutate(id)),
        ]}
      />
      <Modal
        open={editing !== null}
        width={620}
        title={editing === 'new' ? t('leadRules.scoring.add') : t('leadRules.scoring.edit')}
        okText={t('common.save')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': 'scoring-rule-submit' } as ButtonProps}
        onCancel={() => setEditing(null)}
        afterClose={reset}
        destroyOnHidden
      >
        <FormAlert message={error} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={start}>
          <Flex gap={12}>
            <Form.Item name="name" label={t('leadRules.name')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
              <Input maxLength={80} data-testid="scoring-rule-name" />
            </Form.Item>
            <Form.Item name="active" label={t('leadRules.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          <Form.Item name="kind">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'field', label: t('leadRules.scoring.byField') },
                { value: 'behaviour', label: t('leadRules.scoring.byBehaviour') },
              ]}
            />
          </Form.Item>
          {kind === 'behaviour' ? (
            <Flex gap={12}>
              <Form.Item name="behaviour" label={t('leadRules.scoring.behaviour')} rules={[{ required: true }]} style={{ flex: 1 }}>
                <Select options={LEAD_BEHAVIOURS.map((value) => ({ value, label: t(`leadRules.behaviours.${value}`) }))} />
              </Form.Item>
              <Form.Item name="maxTimes" label={t('leadRules.scoring.maxTimes')}>
                <InputNumber min={1} max={100} style={{ width: 110 }} />
              </Form.Item>
            </Flex>
          ) : (
            <Form.Item label={t('leadRules.scoring.condition')} required>
              <ConditionFields name={['condition']} />
            </Form.Item>
          )}
          <Form.Item name="points" label={t('leadRules.points')} rules={[{ required: true }]}>
            <InputNumber min={-1000} max={1000} style={{ width: 140 }} data-testid="scoring-rule-points" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
