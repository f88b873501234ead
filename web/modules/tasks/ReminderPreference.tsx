import { MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

interface Preference {
  email: boolean;
  mailAccount: boolean;
}

const KEY = ['/tasks/reminder-preference'];

/** How my reminders reach me: in the app only, or also by e-mail (which needs the workspace's mail account). */
export function ReminderPreference() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preference = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<Preference>('/tasks/reminder-preference', undefined, signal) });
  const save = useMutation({
    mutationFn: (email: boolean) => api.put<Preference>('/tasks/reminder-preference', { email }),
    onSuccess: (data) => {
      queryClient.setQueryData(KEY, data);
      message.success(t('tasks.reminderPref.saved'));
    },
    onError: (err) => message.error(err.message),
  });
  if (!preference.data) return null;
  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary">{t('tasks.reminderPref.label')}</Typography.Text>
      <Select
        size="middle"
        style={{ minWidth: 180 }}
        value={preference.data.email}
        loading={save.isPending}
        onChange={(email: boolean) => save.mutate(email)}
        options={[
          { value: false, label: t('tasks.reminderPref.app') },
          { value: true, label: t('tasks.reminderPref.appEmail') },
        ]}
        data-testid="reminder-preference"
      />
      {preference.data.email && !preference.data.mailAccount && (
        <Tooltip title={t('tasks.reminderPref.noAccount')}>
          <MailOutlined style={{ color: '#faad14' }} data-testid="reminder-no-account" />
        </Tooltip>
      )}
    </Flex>
  );
}
