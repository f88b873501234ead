import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api';
import { DialerContext, type Dialer } from '../../ui/dialer';

/**
 * Makes every phone number on the page dial through the workspace's phone system (POST /calls/dial: the
 * member's phone rings, then the number) when one is connected; otherwise numbers stay `tel:` links.
 */
export function ClickToCallProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dialer = useQuery({
    queryKey: ['/calls/dialer'],
    queryFn: ({ signal }) => api.get<{ available: boolean; extension: string | null }>('/calls/dialer', undefined, signal),
    staleTime: 5 * 60_000,
  });
  const dial = useMutation({
    mutationFn: (phone: string) => api.post<{ extension: string; number: string }>('/calls/dial', { phone }),
    onSuccess: (placed) => void message.success(t('calls.dialPlaced', { extension: placed.extension })),
    onError: (err, phone) => {
      // The phone system went away since the page loaded: the phone app still can.
      if (isApiError(err, 409) && err.code === 'TELEPHONY_NOT_CONFIGURED') window.location.href = `tel:${phone}`;
      else void message.error(err.message);
    },
  });
  const { mutate } = dial;
  const value = useMemo<Dialer | null>(() => (dialer.data?.available ? { dial: (phone) => mutate(phone) } : null), [dialer.data?.available, mutate]);
  return <DialerContext value={value}>{children}</DialerContext>;
}
