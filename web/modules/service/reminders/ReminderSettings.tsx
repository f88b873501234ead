import { DeleteOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { useCan } from '../../../app/useCan';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadMore } from '../../../ui/LoadMore';
import { ReminderRuleModal } from './ReminderRuleModal';
import { REMINDER_ACTIONS, type FiredReminder, type ReminderRule } from './types';
import { useFiredReminders, useReminderRules, useRemindersChanged } from './useReminders';

/** Settings → Reminders: the rules ("warranty ends in 30 days → task, mail, notification"), "run now", and what fired. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayConfigure = useCan('service.configure');
  const rules = useReminderRules();
  const changed = useRemindersChanged();
  const [editing, setEditing] = useState<ReminderRule | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/service/reminder-rules/${id}`),
    onSuccess: () => {
      message.success(t('serviceReminders.deleted'));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  const run = useMutation({
    mutationFn: () => api.post<{ fired: number }>('/service/reminders/run'),
    onSuccess: ({ fired }) => {
      message.success(t('serviceReminders.ran', { count: fired }));
      changed();
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('serviceReminders.title')}
        extra={
          mayConfigure && (
            <Flex gap={8}>
              <Button icon={<PlayCircleOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="reminders-run">
                {t('serviceReminders.runNow')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reminder-rule-add">
                {t('serviceReminders.add')}
              </Button>
            </Flex>
          )
        }
      >
        {!mayConfigure && <Alert type="info" showIcon title={t('serviceReminders.restricted')} style={{ marginBottom: 12 }} />}
        {rules.error && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
        <Typography.Paragraph type="secondary">{t('serviceReminders.hint')}</Typography.Paragraph>
        <Table<ReminderRule>
          size="small"
          rowKey="id"
          loading={rules.isLoading}
          pagination={false}
          dataSource={rules.data ?? []}
          locale={{ emptyText: <Empty description={t('serviceReminders.empty')} /> }}
          data-testid="reminder-rules"
          columns={[
            { key: 'name', title: t('serviceReminders.fields.name'), render: (_, r) => <>{r.name} {!r.enabled && <Tag>{t('serviceReminders.disabled')}</Tag>}</> },
            { key: 'trigger', title: t('serviceReminders.fields.trigger'), render: (_, r) => `${t(`serviceReminders.triggers.${r.trigger}`)} · ${t('serviceReminders.daysBeforeText', { count: r.daysBefore })}` },
            { key: 'actions', title: t('serviceReminders.fields.actions'), render: (_, r) => REMINDER_ACTIONS.filter((a) => r[a]).map((a) => <Tag key={a}>{t(`serviceReminders.actions.${a}`)}</Tag>) },
            {
              key: 'edit',
              width: 90,
              render: (_, r) =>
                mayConfigure && (
                  <Flex gap={4}>
                    <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('serviceReminders.edit')} />
                    <Popconfirm title={t('serviceReminders.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      <FiredHistory rules={rules.data ?? []} />
      <ReminderRuleModal
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          changed();
        }}
      />
    </Flex>
  );
}

function FiredHistory({ rules }: { rules: ReminderRule[] }) {
  const { t, i18n } = useTranslation();
  const fired = useFiredReminders();
  const rows = fired.data?.pages.flatMap((p) => p.data) ?? [];
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card title={t('serviceReminders.history.title')}>
      {fired.error && <ErrorAlert error={fired.error} onRetry={() => void fired.refetch()} />}
      <Table<FiredReminder>
        size="small"
        rowKey="id"
        loading={fired.isLoading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('serviceReminders.history.empty')} /> }}
        data-testid="reminders-fired"
        columns={[
          { key: 'firedAt', title: t('serviceReminders.history.firedAt'), render: (_, r) => when.format(new Date(r.firedAt)) },
          { key: 'rule', title: t('serviceReminders.history.rule'), render: (_, r) => ruleName.get(r.ruleId) ?? '—' },
          { key: 'product', title: t('serviceReminders.history.product'), dataIndex: 'productName' },
          { key: 'endsOn', title: t('serviceReminders.history.endsOn'), dataIndex: 'endsOn' },
          { key: 'order', title: t('serviceReminders.history.order'), render: (_, r) => (r.orderId ? <Link to={`/orders/${r.orderId}`}>{r.orderNumber}</Link> : '—') },
          { key: 'task', title: t('serviceReminders.history.task'), render: (_, r) => (r.taskId ? <Link to="/tasks">✓</Link> : '—') },
          {
            key: 'email',
            title: t('serviceReminders.history.email'),
            render: (_, r) => (r.emailId ? <Tag color="green">{t('serviceReminders.history.emailSent')}</Tag> : r.emailSkipped ? <Tag>{t(`serviceReminders.history.skipped.${r.emailSkipped}`)}</Tag> : '—'),
          },
        ]}
      />
      <LoadMore hasMore={Boolean(fired.hasNextPage)} loading={fired.isFetchingNextPage} onLoadMore={() => void fired.fetchNextPage()} />
    </Card>
  );
}
