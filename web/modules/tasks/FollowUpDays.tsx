import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, InputNumber, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCan } from '../../app/useCan';

const KEY = ['/follow-ups', 'settings'];

/** "Silent for 30+ days": after how many days records are suggested; admins change it for the workspace here. */
export function FollowUpDays() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isAdmin = useCan('workspace.manage');
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ days: number }>('/follow-ups/settings', undefined, signal) });
  const [draft, setDraft] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (days: number) => api.put<{ days: number }>('/follow-ups/settings', { days }),
    onSuccess: () => {
      setOpen(false);
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['/follow-ups'] });
    },
    onError: (err) => message.error(err.message),
  });
  const days = settings.data?.days;
  if (days === undefined) return null;
  const label = <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>{t('followUps.days', { days })}</Typography.Text>;
  if (!isAdmin) return label;
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setDraft(days);
      }}
      trigger="click"
      title={t('followUps.daysTitle')}
      content={
        <Flex gap={8} align="center">
          <InputNumber min={1} max={3650} value={draft ?? days} onChange={(value) => setDraft(value)} data-testid="follow-up-days" />
          <Button type="primary" loading={save.isPending} disabled={!draft} onClick={() => draft && save.mutate(draft)}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Button type="text" size="small" icon={<SettingOutlined />} iconPlacement="end" aria-label={t('followUps.daysTitle')}>
        {label}
      </Button>
    </Popover>
  );
}
