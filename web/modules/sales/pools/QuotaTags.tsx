import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quota } from './types';
import { remainingOf } from './quota';

/** What the caller holds from pools and claimed today, against their role's limits, and how many more they may claim. */
export function QuotaTags({ quota }: { quota: Quota | undefined }) {
  const { t } = useTranslation();
  if (!quota) return null;
  const remaining = remainingOf(quota);
  return (
    <Flex gap={4} wrap data-testid="pool-quota">
      <Tag>{quota.maxHeld === null ? t('pools.quota.heldUnlimited', { held: quota.held }) : t('pools.quota.held', { held: quota.held, max: quota.maxHeld })}</Tag>
      <Tag>{quota.maxDailyClaims === null ? t('pools.quota.todayUnlimited', { claimed: quota.claimedToday }) : t('pools.quota.today', { claimed: quota.claimedToday, max: quota.maxDailyClaims })}</Tag>
      {remaining !== null && (
        <Tag color={remaining === 0 ? 'red' : 'blue'} data-testid="pool-remaining">
          {remaining === 0 ? t('pools.quota.full') : t('pools.quota.remaining', { count: remaining })}
        </Tag>
      )}
    </Flex>
  );
}
