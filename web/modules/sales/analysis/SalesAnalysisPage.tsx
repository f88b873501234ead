import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/useSession';
import { PageHeader } from '../../../ui/PageHeader';
import { ForecastPanel } from './ForecastPanel';
import { FunnelPanel } from './FunnelPanel';
import { todayIn } from './periods';
import { WinLossPanel } from './WinLossPanel';

const TABS = ['win-loss', 'funnel', 'forecast'] as const;

/** /sales/analysis (?tab=win-loss|funnel|forecast): how deals are won and lost, move through stages, and are forecast. */
export function SalesAnalysisPage() {
  const { t } = useTranslation();
  const { data } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIn(data?.user.timeZone ?? data?.workspace.timeZone ?? undefined);
  const active = TABS.find((tab) => tab === params.get('tab')) ?? 'win-loss';
  return (
    <>
      <PageHeader title={t('analysis.title')} subtitle={t('analysis.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'win-loss' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'win-loss', label: <span data-testid="analysis-tab-win-loss">{t('analysis.winLoss.title')}</span>, children: <WinLossPanel today={today} /> },
          { key: 'funnel', label: <span data-testid="analysis-tab-funnel">{t('analysis.funnel.title')}</span>, children: <FunnelPanel today={today} /> },
          { key: 'forecast', label: <span data-testid="analysis-tab-forecast">{t('analysis.forecast.title')}</span>, children: <ForecastPanel today={today} /> },
        ]}
      />
    </>
  );
}
