import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Switch, Table, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TIERS } from '../../../../contracts/customers';
import { LOCALES } from '../../../../contracts/roles';
import { CASE_CHANNELS } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { OwnerName } from '../../../app/OwnerName';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { useMembers } from '../../../app/useMembers';
import { FormAlert } from '../../../ui/FormAlert';
import type { Agent, CaseQueue, RoutingRule } from './types';
import { useAgents, useCaseTypes, useQueues, useRoutingRules, useServiceSettings, useTypeName } from './useCases';

const tagsSelect = <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />;

/** /settings/service: support addresses, queues with members and skills, routing rules, agents' skills and availability. */
export function ServiceSettings() {
  return (
    <Flex vertical gap={16}>
      <AddressesCard />
      <QueuesCard />
      <RulesCard />
      <AgentsCard />
    </Flex>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (path: string) => void queryClient.invalidateQueries({ queryKey: [path] });
}

function AddressesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useServiceSettings();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ numberPrefix: string; supportAddresses: string[] }>();
  const { submit, pending, error } = useFormSubmit(form, (values: { numberPrefix: string; supportAddresses: string[] }) => api.patch('/service-settings', values), () => {
    message.success(t('common.saved'));
    refresh('/service-settings');
  });
  if (!settings.data) return null;
  return (
    <Card title={t('cases.settings.mail')} size="small">
      <FormAlert message={error} />
      <Form form={form} layout="vertical" initialValues={settings.data} onFinish={submit}>
        <Form.Item name="supportAddresses" label={t('cases.settings.supportAddresses')} extra={t('cases.settings.supportAddressesHint')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} data-testid="service-support-addresses" />
        </Form.Item>
        <Form.Item name="numberPrefix" label={t('cases.settings.numberPrefix')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9]*$/ }]}>
          <Input maxLength={10} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function QueuesCard() {
  const { t } = useTranslation();
  const queues = useQueues();
  const refresh = useRefresh();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<CaseQueue | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/case-queues/${id}`),
    onSuccess: () => refresh('/case-queues'),
    onError: (err) => message.error(err.message),
  });
  return (
    <Card
      title={t('cases.settings.queues')}
      size="small"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="service-queue-add">
          {t('cases.settings.addQueue')}
        </Button>
      }
    >
      <Table<CaseQueue>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={queues.data ?? []}
        locale={{ emptyText: t('cases.settings.noQueues') }}
        columns={[
          { key: 'name', title: t('fields.name'), dataIndex: 'name' },
          { key: 'skills', title: t('cases.settings.skills'), render: (_, q) => q.skills.map((s) => <Tag key={s}>{s}</Tag>) },
          { key: 'members', title: t('cases.settings.members'), render: (_, q) => <Flex wrap gap={8}>{q.memberIds.map((id) => <OwnerName key={id} ownerId={id} size={16} />)}</Flex> },
          {
            key: 'actions',
            width: 100,
            render: (_, q) => (
              <Flex gap={4}>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(q)} />
                <Popconfirm title={t('cases.settings.deleteQueue')} onConfirm={() => remove.mutate(q.id)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <QueueModal queue={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), refresh('/case-queues'), refresh('/case-agents'))} />
    </Card>
  );
}

function QueueModal({ queue, onClose, onSaved }: { queue: CaseQueue | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { members } = useMembers();
  const [form] = Form.useForm<{ name: string; skills: string[]; memberIds: string[] }>();
  const existing = queue !== 'new' ? queue : null;
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: { name: string; skills: string[]; memberIds: string[] }) => (existing ? api.patch(`/case-queues/${existing.id}`, values) : api.post('/case-queues', values)),
    onSaved,
  );
  return (
    <Modal
      open={queue !== null}
      title={existing ? existing.name : t('cases.settings.addQueue')}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: pending, 'data-testid': 'service-queue-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={existing ?? { name: '', skills: [], memberIds: [] }}>
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={80} data-testid="service-queue-name" />
        </Form.Item>
        <Form.Item name="skills" label={t('cases.settings.skills')} extra={t('cases.settings.queueSkillsHint')}>
          {tagsSelect}
        </Form.Item>
        <Form.Item name="memberIds" label={t('cases.settings.members')}>
          <Select mode="multiple" optionFilterProp="label" options={members.map((m) => ({ value: m.userId, label: m.name }))} data-testid="service-queue-members" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RuleValues {
  name: string;
  queueId: string;
  position: number;
  typeIds: string[];
  channels: string[];
  languages: string[];
  tiers: string[];
  skills: string[];
}

function RulesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRoutingRules();
  const queues = useQueues().data ?? [];
  const types = useCaseTypes().data ?? [];
  const typeName = useTypeName();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RuleValues>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (v: RuleValues) => api.post('/case-routing-rules', { name: v.name, queueId: v.queueId, position: v.position, skills: v.skills, conditions: { typeIds: v.typeIds, channels: v.channels, languages: v.languages, tiers: v.tiers } }),
    () => (setOpen(false), refresh('/case-routing-rules')),
  );
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/case-routing-rules/${id}`), onSuccess: () => refresh('/case-routing-rules'), onError: (err) => message.error(err.message) });
  const summary = (r: RoutingRule) =>
    [
      ...(r.conditions.typeIds ?? []).map((id) => typeName(id)),
      ...(r.conditions.channels ?? []).map((c) => t(`cases.channel.${c}`)),
      ...(r.conditions.languages ?? []).map((l) => t(`cases.languages.${l}`)),
      ...(r.conditions.tiers ?? []).map((tier) => t('cases.settings.tier', { tier })),
    ].join(' · ') || t('cases.settings.everyCase');
  return (
    <Card
      title={t('cases.settings.rules')}
      size="small"
      extra={
        <Button icon={<PlusOutlined />} disabled={queues.length === 0} onClick={() => setOpen(true)} data-testid="service-rule-add">
          {t('cases.settings.addRule')}
        </Button>
      }
    >
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules.data ?? []}
        locale={{ emptyText: t('cases.settings.noRules') }}
        columns={[
          { key: 'position', title: '#', dataIndex: 'position', width: 50 },
          { key: 'name', title: t('fields.name'), dataIndex: 'name' },
          { key: 'when', title: t('cases.settings.when'), render: (_, r) => summary(r) },
          { key: 'queue', title: t('cases.fields.queueId'), render: (_, r) => queues.find((q) => q.id === r.queueId)?.name ?? '—' },
          { key: 'skills', title: t('cases.settings.skills'), render: (_, r) => r.skills.map((s) => <Tag key={s}>{s}</Tag>) },
          {
            key: 'actions',
            width: 60,
            render: (_, r) => (
              <Popconfirm title={t('cases.settings.deleteRule')} onConfirm={() => remove.mutate(r.id)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('cases.settings.addRule')} onOk={() => form.submit()} okText={t('common.save')} okButtonProps={{ loading: pending }} onCancel={() => setOpen(false)} afterClose={reset} destroyOnHidden>
        <FormAlert message={error} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ position: (rules.data?.length ?? 0) + 1, typeIds: [], channels: [], languages: [], tiers: [], skills: [] }}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="queueId" label={t('cases.fields.queueId')} rules={[{ required: true }]}>
            <Select options={queues.map((q) => ({ value: q.id, label: q.name }))} />
          </Form.Item>
          <Form.Item name="typeIds" label={t('cases.fields.typeId')}>
            <Select mode="multiple" options={types.map((x) => ({ value: x.id, label: typeName(x.id) }))} />
          </Form.Item>
          <Form.Item name="channels" label={t('cases.fields.channel')}>
            <Select mode="multiple" options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="languages" label={t('cases.fields.language')}>
            <Select mode="multiple" options={LOCALES.map((l) => ({ value: l, label: t(`cases.languages.${l}`) }))} />
          </Form.Item>
          <Form.Item name="tiers" label={t('cases.settings.tiers')}>
            <Select mode="multiple" options={ACCOUNT_TIERS.map((tier) => ({ value: tier, label: t('cases.settings.tier', { tier }) }))} />
          </Form.Item>
          <Form.Item name="skills" label={t('cases.settings.skills')} extra={t('cases.settings.ruleSkillsHint')}>
            {tagsSelect}
          </Form.Item>
          <Form.Item name="position" label={t('cases.settings.position')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function AgentsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agents = useAgents();
  const refresh = useRefresh();
  const update = useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: Partial<Pick<Agent, 'skills' | 'away' | 'capacity'>> }) => api.patch(`/case-agents/${userId}`, patch),
    onSuccess: () => refresh('/case-agents'),
    onError: (err) => message.error(err.message),
  });
  return (
    <Card title={t('cases.settings.agents')} size="small">
      <Table<Agent>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={agents.data ?? []}
        locale={{ emptyText: t('cases.settings.noAgents') }}
        columns={[
          { key: 'user', title: t('cases.settings.agent'), render: (_, a) => <OwnerName ownerId={a.userId} /> },
          {
            key: 'skills',
            title: t('cases.settings.skills'),
            render: (_, a) => (
              <Select mode="tags" style={{ minWidth: 200 }} value={a.skills} tokenSeparators={[',', '，']} open={false} suffixIcon={null} onChange={(skills: string[]) => update.mutate({ userId: a.userId, patch: { skills } })} />
            ),
          },
          { key: 'capacity', title: t('cases.settings.capacity'), render: (_, a) => <InputNumber min={1} max={10000} value={a.capacity} onChange={(capacity) => update.mutate({ userId: a.userId, patch: { capacity: capacity ?? null } })} /> },
          { key: 'open', title: t('cases.settings.openCases'), dataIndex: 'openCases' },
          { key: 'away', title: t('cases.settings.away'), render: (_, a) => <Switch checked={a.away} onChange={(away) => update.mutate({ userId: a.userId, patch: { away } })} /> },
        ]}
      />
    </Card>
  );
}
