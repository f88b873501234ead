import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../contracts/field-service';

const COLORS: Record<WorkOrderStatus, string> = { new: 'default', dispatched: 'blue', accepted: 'cyan', declined: 'orange', on_site: 'purple', done: 'green', cancelled: 'default' };

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="work-order-status">
      {t(`field.statuses.${status}`)}
    </Tag>
  );
}
