import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsAdmin } from './useIsAdmin';

/** Tells a non-administrator why the page is read-only. */
export function AdminOnlyNotice() {
  const { t } = useTranslation();
  if (useIsAdmin()) return null;
  return <Alert type="info" showIcon title={t('settings.adminOnly')} style={{ marginBottom: 16 }} />;
}
