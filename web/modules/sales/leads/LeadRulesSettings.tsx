import { Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/useCan';
import { AssignmentRules } from './AssignmentRules';
import { ScoringRules } from './ScoringRules';

/** /settings/lead-rules: who gets new leads and how they are scored (sales.configure). */
export function LeadRulesSettings() {
  const { t } = useTranslation();
  if (!useCan('sales.configure')) return <Result status="403" title={t('leadRules.forbidden')} />;
  return (
    <Flex vertical gap={16}>
      <AssignmentRules />
      <ScoringRules />
    </Flex>
  );
}
