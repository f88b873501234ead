import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageKind } from '../../../contracts/sales';

const COLORS: Record<StageKind, string> = { open: 'blue', won: 'green', lost: 'red' };

/** Open, won or lost. */
export function StatusTag({ status }: { status: StageKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="opportunity-status">
      {t(`sales.status.${status}`)}
    </Tag>
  );
}
