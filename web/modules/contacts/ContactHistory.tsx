import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/useCan';
import { ContactHistoryTimeline } from './ContactHistoryTimeline';

/** The audit trail of one contact (or another record type), newest first (administrators and managers; others see why not). */
export function ContactHistory({ contactId, recordType = 'contact' }: { contactId: string; recordType?: string }) {
  const { t } = useTranslation();
  const mayRead = useCan('audit.read');
  if (!mayRead) return <Alert type="info" showIcon title={t(recordType === 'contact' ? 'contacts.history.restricted' : 'audit.recordRestricted')} data-testid="contact-history-restricted" />;
  return <ContactHistoryTimeline contactId={contactId} recordType={recordType} />;
}
