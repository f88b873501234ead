import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { scoreBand } from './leadValues';

const COLORS = { hot: '#f5222d', warm: '#fa8c16', cold: '#1677ff' } as const;

/** A lead's score as a short bar (100 points fill it), coloured hot, warm or cold. */
export function LeadScore({ score }: { score: number }) {
  const { t } = useTranslation();
  const band = scoreBand(score);
  return (
    <Tooltip title={t(`leads.scoreBands.${band}`)}>
      <Progress
        percent={Math.max(0, Math.min(100, score))}
        format={() => score}
        strokeColor={COLORS[band]}
        size={{ width: 70, height: 6 }}
        style={{ margin: 0, minWidth: 110 }}
        data-testid="lead-score"
      />
    </Tooltip>
  );
}
