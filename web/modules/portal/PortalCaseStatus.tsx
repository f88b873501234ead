import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../contracts/service';

const COLORS: Record<CaseStatus, string> = { new: 'blue', open: 'processing', pending_customer: 'orange', resolved: 'green', closed: 'default' };

/** A case's status in the customer's words ("waiting for you", not "pending customer"). */
export function PortalCaseStatus({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="portal-case-status">
      {t(`portal.status.${status}`)}
    </Tag>
  );
}
