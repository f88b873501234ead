import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatter, type Formatter } from '../ui/format';
import { useSession } from './useSession';

/**
 * Formatters for the UI language and the user's time zone (else the workspace's, else the browser's);
 * phones of the workspace's country in the national format.
 */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const { data } = useSession();
  const timeZone = data?.user.timeZone ?? data?.workspace.timeZone ?? undefined;
  const country = data?.workspace.defaultCountry;
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => createFormatter({ locale, timeZone, country }), [locale, timeZone, country]);
}
