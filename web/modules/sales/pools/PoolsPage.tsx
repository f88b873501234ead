import { SettingOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FullPageSpin } from '../../../app/FullPageSpin';
import { can } from '../../../app/permissions';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PoolEntries } from './PoolEntries';
import { QuotaTags } from './QuotaTags';
import { usePools, useQuota } from './usePools';

/** /pools (?pool=id): the public pools (公海) the caller may claim from, a tab each, with their quota. */
export function PoolsPage() {
  const { t } = useTranslation();
  const { role } = useCurrentSession().membership;
  const pools = usePools();
  const quota = useQuota();
  const [params, setParams] = useSearchParams();
  const configure = can(role, 'sales.configure');

  if (pools.isPending) return <FullPageSpin />;
  if (pools.error) return <ErrorAlert error={pools.error} onRetry={() => void pools.refetch()} />;
  const active = pools.data.find((p) => p.id === params.get('pool')) ?? pools.data[0];
  const settings = configure && (
    <Link to="/settings/pools">
      <Button icon={<SettingOutlined />} data-testid="pool-settings-link">
        {t('pools.settings.tab')}
      </Button>
    </Link>
  );

  return (
    <>
      <PageHeader title={t('pools.title')} subtitle={t('pools.subtitle')} extra={settings} />
      {!active ? (
        <EmptyState title={t('pools.noPools.title')} description={t('pools.noPools.text')} action={settings} testId="pools-none" />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Tabs
              style={{ flex: 1, minWidth: 240 }}
              activeKey={active.id}
              onChange={(id) => setParams({ pool: id }, { replace: true })}
              items={pools.data.map((pool) => ({
                key: pool.id,
                label: (
                  <span data-testid={`pool-tab-${pool.id}`}>
                    {pool.name} <Typography.Text type="secondary">({pool.size >= 10_000 ? '10000+' : pool.size})</Typography.Text>{' '}
                    <Tag bordered={false}>{t(`pools.recordTypes.${pool.recordType}`)}</Tag>
                  </span>
                ),
              }))}
            />
            <QuotaTags quota={quota.data} />
          </Flex>
          <PoolEntries key={active.id} pool={active} quota={quota.data} />
        </>
      )}
    </>
  );
}
