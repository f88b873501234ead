import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/useFormat';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { clockState, formatMinutes } from './durations';
import type { SlaClock } from './types';
import { useCaseSla } from './useSla';

const STATE_COLORS = { met: 'success', breached: 'error', overdue: 'error', paused: 'default', running: 'processing' } as const;

/** The SLA clocks of a case: each metric's state, time used against its target, and when it is due. */
export function SlaClocks({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const clocks = useCaseSla(caseId);
  if (clocks.error) return <ErrorAlert error={clocks.error} onRetry={() => void clocks.refetch()} />;
  // Only the latest next-response cycle matters on the page; the report counts them all.
  const shown = (clocks.data ?? []).filter((c, _, all) => c.metric !== 'next_response' || c.cycle === Math.max(...all.filter((x) => x.metric === 'next_response').map((x) => x.cycle)));
  return (
    <Card size="small" title={<><ClockCircleOutlined /> {t('sla.clocks.title')}</>} data-testid="case-sla">
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{t('sla.clocks.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {shown.map((clock: SlaClock) => {
            const state = clockState(clock);
            const used = Math.min(100, Math.round((clock.elapsedMinutes / clock.targetMinutes) * 100));
            return (
              <div key={`${clock.metric}-${clock.cycle}`} data-testid={`sla-${clock.metric}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text>{t(`sla.metrics.${clock.metric}`)}</Typography.Text>
                  <Tag color={STATE_COLORS[state]} data-testid="sla-state">
                    {t(`sla.states.${state}`)}
                  </Tag>
                </Flex>
                <Tooltip title={t('sla.clocks.due', { at: format.dateTime(clock.dueAt) })}>
                  <Progress percent={used} size="small" status={state === 'breached' || state === 'overdue' ? 'exception' : state === 'met' ? 'success' : 'active'} showInfo={false} />
                </Tooltip>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sla.clocks.used', { used: formatMinutes(clock.elapsedMinutes), target: formatMinutes(clock.targetMinutes) })}
                  {!clock.stoppedAt && ` · ${t('sla.clocks.due', { at: format.dateTime(clock.dueAt) })}`}
                </Typography.Text>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
