import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { Mailbox } from './types';

export const MAILBOXES_KEY = ['/mailboxes'] as const;
const syncing = (m: Mailbox) => m.syncJob?.state === 'queued' || m.syncJob?.state === 'running';

/** The caller's mailboxes (and the workspace's, for admins); polled while a sync runs, so progress moves. */
export function useMailboxes() {
  return useQuery({
    queryKey: MAILBOXES_KEY,
    queryFn: ({ signal }) => api.get<{ data: Mailbox[] }>('/mailboxes', undefined, signal),
    refetchInterval: (query) => (query.state.data?.data.some(syncing) ? 1_000 : false),
  });
}

/** Sync now, switch on/off, remove. */
export function useMailboxActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: MAILBOXES_KEY });
  const sync = useMutation({
    mutationFn: (id: string) => api.post<{ jobId: string }>(`/mailboxes/${id}/sync`, {}),
    onSuccess: () => {
      message.success(t('mailboxes.syncQueued'));
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  const setEnabled = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api.patch<Mailbox>(`/mailboxes/${id}`, { enabled }),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/mailboxes/${id}`),
    onSuccess: () => {
      message.success(t('mailboxes.deleted'));
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  return { sync, setEnabled, remove };
}
