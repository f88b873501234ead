import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { recordPath } from '../../app/search/recordTypes';
import type { AuditEntry } from '../../app/types';
import { useCursorList } from '../../app/useCursorList';
import { useFormat } from '../../app/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMore } from '../../ui/LoadMore';
import { actorName } from './actorName';
import { AUDIT_ACTION_COLORS } from './auditActionColors';
import { AuditChanges } from './AuditChanges';
import { AuditRecordCell } from './AuditRecordCell';

/** /settings/audit-log (?recordType=&recordId= for one record's history): who changed what, newest first. */
export function AuditLogSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const recordType = params.get('recordType') ?? undefined;
  const recordId = params.get('recordId') ?? undefined;
  const filtered = Boolean(recordType || recordId);
  const log = useCursorList<AuditEntry>('/audit-log', { recordType, recordId });
  const empty = !log.isPending && !log.error && log.rows.length === 0;
  const filteredPath = recordType && recordId ? recordPath(recordType, recordId) : null;

  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.text', { timeZone: format.timeZone ?? '' })}</Typography.Paragraph>
      {filtered && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('audit.filteredTo')}</Typography.Text>
          <Tag closable onClose={() => setParams({}, { replace: true })} data-testid="audit-filter">
            {recordType && t(`resources.${recordType}`, { defaultValue: recordType })} {recordId?.slice(-8)}
          </Tag>
          {filteredPath && <Link to={filteredPath}>{t('audit.openRecord')}</Link>}
        </Flex>
      )}
      {log.error && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.error ? null : empty ? (
        filtered ? (
          <EmptyState title={t('audit.emptyRecord')} testId="audit-empty" />
        ) : (
          <EmptyState title={t('audit.empty.title')} description={t('audit.empty.text')} testId="audit-empty" />
        )
      ) : (
        <>
          <Table<AuditEntry>
            rowKey="id"
            dataSource={log.rows}
            loading={log.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="audit-table"
            columns={[
              {
                title: t('audit.time'),
                dataIndex: 'at',
                render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(at)}</span>,
              },
              { title: t('audit.actor'), key: 'actor', render: (_, row) => actorName(row, t) },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (action: string) => (
                  <Tag color={AUDIT_ACTION_COLORS[action]}>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>
                ),
              },
              {
                title: t('audit.record'),
                key: 'record',
                render: (_, row) => (
                  <AuditRecordCell
                    entry={row}
                    onFilter={() => setParams({ recordType: row.recordType, recordId: row.recordId })}
                  />
                ),
              },
              { title: t('audit.changes'), dataIndex: 'changes', render: (changes: AuditEntry['changes']) => <AuditChanges changes={changes} /> },
            ]}
          />
          <LoadMore hasMore={log.hasMore} loading={log.loadingMore} onLoadMore={log.loadMore} />
        </>
      )}
    </Card>
  );
}
