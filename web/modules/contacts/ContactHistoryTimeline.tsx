import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../app/types';
import { useCursorList } from '../../app/useCursorList';
import { useFormat } from '../../app/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { AuditChanges } from '../settings/AuditChanges';
import { actorName } from '../settings/actorName';
import { AUDIT_ACTION_COLORS } from '../settings/auditActionColors';

/** The audit entries of one contact (or record of `recordType`) as a timeline: who, what, when, each field's old → new value. */
export function ContactHistoryTimeline({ contactId, recordType = 'contact' }: { contactId: string; recordType?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useCursorList<AuditEntry>('/audit-log', { recordType, recordId: contactId });
  if (log.error) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  if (!log.isPending && log.rows.length === 0) {
    return <EmptyState title={t('contacts.history.empty')} testId="contact-history-empty" />;
  }
  return (
    <div data-testid="contact-history">
      <Timeline
        style={{ marginTop: 8 }}
        items={log.rows.map((entry) => ({
          key: entry.id,
          color: AUDIT_ACTION_COLORS[entry.action] ?? 'gray',
          content: (
            <div data-testid="contact-history-entry">
              <Flex wrap gap="4px 8px" align="baseline">
                <Typography.Text strong>{actorName(entry, t)}</Typography.Text>
                <Typography.Text>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(entry.at)}
                </Typography.Text>
              </Flex>
              <div style={{ marginTop: 4 }}>
                <AuditChanges changes={entry.changes} />
              </div>
            </div>
          ),
        }))}
      />
      <LoadMore hasMore={log.hasMore} loading={log.loadingMore} onLoadMore={log.loadMore} />
    </div>
  );
}
