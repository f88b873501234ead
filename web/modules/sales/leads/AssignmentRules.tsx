import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { useMembers } from '../../../app/useMembers';
import { FormAlert } from '../../../ui/FormAlert';
import { ConditionFields, useDescribeCondition } from './ConditionFields';
import { assignmentBody, nextPosition, type AssignmentValues } from './ruleValues';
import { ruleActionColumns } from './ruleColumns';
import type { AssignmentRule } from './types';
import { useAssignmentRules } from './useLeads';

/** Assignment rules: the first active rule whose conditions all hold hands the lead to its members in turn. */
export function AssignmentRules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useAssignmentRules();
  const { members, byId } = useMembers();
  const describe = useDescribeCondition();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);
  const [form] = Form.useForm<AssignmentValues>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['/lead-assignment-rules'] });
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: AssignmentValues) =>
      editing === 'new' || !editing ? api.post<AssignmentRule>('/lead-assignment-rules', assignmentBody(values)) : api.patch<AssignmentRule>(`/lead-assignment-rules/${editing.id}`, assignmentBody(values)),
    () => {
      setEditing(null);
      message.success(t('common.saved'));
      refresh();
    },
  );
  const toggle = useMutation({
    mutationFn: (rule: AssignmentRule) => api.patch(`/lead-assignment-rules/${rule.id}`, { active: !rule.active }),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/lead-assignment-rules/${id}`), onSuccess: refresh, onError: (err) => message.error(err.message) });
  const data = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);
  const start: AssignmentValues =
    editing && editing !== 'new'
      ? { name: editing.name, active: editing.active, position: editing.position, conditions: editing.conditions, assignees: editing.assignees }
      : { name: '', active: true, position: nextPosition(data), conditions: [], assignees: [] };

  return (
    <Card
      title={t('leadRules.assignment.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="assignment-rule-add">
          {t('leadRules.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('leadRules.assignment.help')}</Typography.Paragraph>
      <Table<AssignmentRule>
        rowKey="id"
        size="small"
        loading={rules.isPending}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: t('leadRules.assignment.empty') }}
        onRow={(rule) => ({ onDoubleClick: () => setEditing(rule) })}
        columns={[
          { key: 'position', title: '#', width: 50, render: (_, __, index) => index + 1 },
          { key: 'name', title: t('leadRules.name'), render: (_, rule) => <a onClick={() => setEditing(rule)}>{rule.name}</a> },
          { key: 'conditions', title: t('leadRules.conditions'), render: (_, rule) => (rule.conditions.length ? rule.conditions.map(describe).join('; ') : t('leadRules.everyLead')) },
          { key: 'assignees', title: t('leadRules.assignees'), render: (_, rule) => rule.assignees.map((id) => <Tag key={id}>{byId.get(id)?.name ?? '…'}</Tag>) },
          { key: 'turns', title: t('leadRules.turns'), width: 110, align: 'right', render: (_, rule) => rule.turns },
          ...ruleActionColumns<AssignmentRule>(t, (rule) => toggle.mutate(rule), (id) => remove.mutate(id)),
        ]}
      />
      <Modal
        open={editing !== null}
        width={680}
        title={editing === 'new' ? t('leadRules.assignment.add') : t('leadRules.assignment.edit')}
        okText={t('common.save')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': 'assignment-rule-submit' } as ButtonProps}
        onCancel={() => setEditing(null)}
        afterClose={reset}
        destroyOnHidden
      >
        <FormAlert message={error} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={start}>
          <Flex gap={12}>
            <Form.Item name="name" label={t('leadRules.name')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
              <Input maxLength={80} data-testid="assignment-rule-name" />
            </Form.Item>
            <Form.Item name="position" label={t('leadRules.position')}>
              <InputNumber min={0} max={10000} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="active" label={t('leadRules.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          <Form.Item label={t('leadRules.conditions')} extra={t('leadRules.conditionsHelp')}>
            <Form.List name="conditions">
              {(fields, { add, remove: drop }) => (
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="center">
                      <ConditionFields name={[field.name]} />
                      <MinusCircleOutlined onClick={() => drop(field.name)} aria-label={t('common.delete')} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ operator: 'in', values: [] })}>
                    {t('leadRules.addCondition')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="assignees" label={t('leadRules.assignees')} rules={[{ required: true, message: t('leadRules.assigneesRequired') }]} extra={t('leadRules.assigneesHelp')}>
            <Select mode="multiple" optionFilterProp="label" data-testid="assignment-rule-assignees" options={members.filter((m) => m.status === 'active').map((m) => ({ value: m.userId, label: m.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
