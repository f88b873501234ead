import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreReason } from './types';

/** Each part of a dispatch score: its points out of its weight and, in words, how it was measured. */
export function ReasonList({ reasons }: { reasons: ScoreReason[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="dispatch-reasons">
      {reasons.map((r) => (
        <Flex key={r.component} gap={8} align="baseline">
          <Tag color={r.points >= r.weight * 0.75 ? 'green' : r.points > 0 ? 'blue' : 'default'} style={{ minWidth: 64, textAlign: 'center' }}>
            {t('field.points', { points: r.points, weight: r.weight })}
          </Tag>
          <Typography.Text>
            {t(`field.components.${r.component}`)}: {t(`field.basis.${r.basis}`, { value: r.value, average: r.detail?.average ?? '–', count: r.detail?.count ?? 0, capacity: r.detail?.capacity ?? 0 })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
