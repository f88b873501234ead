import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../contracts/roles';
import { api } from './api';
import { currentLanguage, rememberLanguage } from './i18n';
import type { Session } from './types';
import { SESSION_KEY } from './useSession';

/** The UI language and a way to change it; when signed in, the choice is saved to the user (PATCH /me). */
export function useLanguage() {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const change = async (lng: Locale) => {
    rememberLanguage(lng);
    await i18n.changeLanguage(lng);
    const session = queryClient.getQueryData<Session>(SESSION_KEY);
    if (!session) return;
    queryClient.setQueryData<Session>(SESSION_KEY, { ...session, user: { ...session.user, locale: lng } });
    try {
      await api.patch('/me', { locale: lng });
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.unexpectedError'));
    }
  };

  return { language: currentLanguage(), change };
}
