import { HourglassOutlined } from '@ant-design/icons';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../../app/RecordLink';
import { useRealtime } from '../../../app/realtime/useRealtime';
import { useFormat } from '../../../app/useFormat';
import { useMyClaims } from './usePools';

/** Most shown: the soonest returns matter, the rest wait their turn. */
const SHOWN = 5;

/**
 * My day: records the caller claimed from pools that a rule will send back, soonest first, with the date and
 * why — warned ones marked. Nothing when the caller holds none with a deadline.
 */
export function PoolWarningsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const claims = useMyClaims();
  // The return rules warned of, or took back, one of the caller's records: the card follows at once.
  useRealtime('pool.*', () => void claims.refetch());
  const due = (claims.data ?? []).filter((c) => c.dueAt).slice(0, SHOWN);
  if (due.length === 0) return null;
  return (
    <Card
      size="small"
      data-testid="pool-warnings"
      title={
        <Flex gap={8} align="center">
          <HourglassOutlined style={{ color: '#fa8c16' }} />
          {t('pools.warnings.title')}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('pools.warnings.text')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={due}
        renderItem={(claim) => (
          <List.Item data-testid="pool-warning">
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <RecordLink recordType={claim.recordType} id={claim.recordId} name={claim.name} />
              <Flex gap={4} align="center">
                {claim.warned && <Tag color="orange">{t('pools.warnings.warned')}</Tag>}
                {claim.rule && <Tag>{t(`pools.history.rules.${claim.rule}`)}</Tag>}
                <Typography.Text type={claim.warned ? 'danger' : 'secondary'}>{t('pools.warnings.due', { due: format.dateTime(claim.dueAt!) })}</Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
