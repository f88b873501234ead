import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../app/OwnerName';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDuration, stageName } from './salesFormat';
import type { StageVisit } from './types';
import { useStageHistory } from './useSales';

/** The stages a deal went through, oldest first, with the time it spent in each (the current one until now). */
export function StageHistory({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useStageHistory(dealId);
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Table<StageVisit>
      size="small"
      pagination={false}
      loading={history.isPending}
      rowKey={(row) => `${row.stageId}-${row.enteredAt}`}
      dataSource={history.data ?? []}
      onRow={() => ({ 'data-testid': 'stage-history-row' }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('sales.history.empty') }}
      columns={[
        { key: 'stage', title: t('sales.fields.stageId'), render: (_, row) => stageName({ key: row.stageKey, name: row.stageName }, t) || t('sales.history.removedStage') },
        { key: 'enteredAt', title: t('sales.history.enteredAt'), render: (_, row) => format.dateTime(row.enteredAt) },
        {
          key: 'time',
          title: t('sales.history.time'),
          render: (_, row) => (
            <>
              {formatDuration(row.seconds, t)}
              {!row.leftAt && <Typography.Text type="secondary"> · {t('sales.history.current')}</Typography.Text>}
            </>
          ),
        },
        { key: 'by', title: t('sales.history.by'), render: (_, row) => <OwnerName ownerId={row.changedBy} size={16} /> },
      ]}
    />
  );
}
