import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CasePriority, CaseStatus } from '../../../../contracts/service';

const STATUS_COLORS: Record<CaseStatus, string> = { new: 'blue', open: 'processing', pending_customer: 'orange', resolved: 'green', closed: 'default' };
const PRIORITY_COLORS: Record<CasePriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

export function CasePriorityTag({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`cases.priority.${priority}`)}</Tag>;
}
