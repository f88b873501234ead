import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatter, type Formatter } from '../../ui/format';

/** Dates and money in the UI language and the browser's zone (a customer has no staff profile to say otherwise). */
export function usePortalFormat(): Formatter {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => createFormatter({ locale }), [locale]);
}
