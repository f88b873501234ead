import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../../../../contracts/sales';

const COLORS: Record<LeadStatus, string> = { new: 'blue', working: 'processing', nurturing: 'purple', qualified: 'cyan', converted: 'success', disqualified: 'default' };

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="lead-status">
      {t(`leads.status.${status}`)}
    </Tag>
  );
}
