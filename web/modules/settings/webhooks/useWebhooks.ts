import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import type { WebhookDelivery, WebhookEndpoint } from '../../../app/types';

export const WEBHOOKS_KEY = ['/webhooks'] as const;

/** The workspace's webhook endpoints (GET /webhooks: all of them, oldest first). */
export function useWebhooks(enabled: boolean) {
  return useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: ({ signal }) => api.get<{ data: WebhookEndpoint[] }>('/webhooks', undefined, signal),
    enabled,
  });
}

/** An endpoint's delivery log, newest first; refreshed every few seconds while shown (retries move it on). */
export function useWebhookDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, endpointId, 'deliveries'],
    queryFn: ({ signal }) => api.get<{ data: WebhookDelivery[] }>(`/webhooks/${endpointId}/deliveries`, undefined, signal),
    enabled: Boolean(endpointId),
    refetchInterval: 3_000,
  });
}

/** Switches an endpoint on or off, or removes it (with its log). */
export function useWebhookActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.patch<WebhookEndpoint>(`/webhooks/${id}`, { active }),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/webhooks/${id}`),
    onSuccess: () => {
      message.success(t('webhooks.deleted'));
      refresh();
    },
    onError: (err) => message.error(err.message),
  });
  return { setActive, remove };
}
