import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordPath } from '../../app/search/recordTypes';
import type { AuditEntry } from '../../app/types';

interface AuditRecordCellProps {
  entry: AuditEntry;
  /** Narrows the log to this record. */
  onFilter: () => void;
}

/** The record of an audit entry: its type (a link to its page where it has one) and its id (filters the log). */
export function AuditRecordCell({ entry, onFilter }: AuditRecordCellProps) {
  const { t } = useTranslation();
  const type = t(`resources.${entry.recordType}`, { defaultValue: entry.recordType });
  const path = entry.action === 'delete' ? null : recordPath(entry.recordType, entry.recordId);
  return (
    <Flex align="center" gap={6} style={{ whiteSpace: 'nowrap' }}>
      {path ? (
        <Tooltip title={t('audit.openRecord')}>
          <Link to={path} data-testid="audit-record-link">
            {type}
          </Link>
        </Tooltip>
      ) : (
        <span>{type}</span>
      )}
      <Tooltip title={t('audit.filterRecord')}>
        <Typography.Link onClick={onFilter} data-testid="audit-record-filter">
          <Typography.Text code>{entry.recordId.slice(-8)}</Typography.Text>
        </Typography.Link>
      </Tooltip>
      <Typography.Text copyable={{ text: entry.recordId }} />
    </Flex>
  );
}
