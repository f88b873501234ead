import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { isApiError } from './api';
import { FullPageSpin } from './FullPageSpin';
import { currentLanguage, rememberLanguage } from './i18n';
import { useSession } from './useSession';

/** Renders its routes only for a signed-in user; else sends them to /sign-in?next=<here>. */
export function AuthGuard() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const locale = session.data?.user.locale;

  // The user's saved language wins over the browser's (and stays for the sign-in page after signing out).
  useEffect(() => {
    if (!locale) return;
    rememberLanguage(locale);
    if (locale !== currentLanguage()) void i18n.changeLanguage(locale);
  }, [locale, i18n]);

  if (isApiError(session.error, 401)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data) return <Outlet />;
  if (session.isPending) return <FullPageSpin />;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={session.error?.message}
      extra={
        <Button type="primary" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
