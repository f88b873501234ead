import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/useCan';
import { CloseReasonsCard } from './CloseReasonsCard';
import { QuoteSettingsCard } from '../quotes/QuoteSettingsCard';
import { PipelinesCard } from './PipelinesCard';
import { StagesEditor } from './StagesEditor';
import { usePipelines } from '../useSales';

/** Settings → Sales: pipelines and their stages, win and loss reasons, quote rules (for those with `sales.configure`). */
export function SalesSettings() {
  const { t } = useTranslation();
  const mayConfigure = useCan('sales.configure');
  const pipelines = usePipelines(true);
  const [editing, setEditing] = useState<string | null>(null);
  if (!mayConfigure) return <Alert type="info" showIcon title={t('sales.settings.restricted')} data-testid="sales-settings-restricted" />;
  const chosen = pipelines.data?.find((p) => p.id === editing) ?? pipelines.data?.find((p) => p.isDefault);
  return (
    <Flex vertical gap={16}>
      <PipelinesCard pipelines={pipelines} editing={chosen?.id ?? null} onEdit={setEditing} />
      {chosen && <StagesEditor key={`${chosen.id}-${chosen.stages.map((s) => s.id).join()}`} pipeline={chosen} />}
      <CloseReasonsCard />
      <QuoteSettingsCard />
    </Flex>
  );
}
