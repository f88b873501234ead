import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { SurveyForm } from '../service/surveys/SurveyForm';
import { homeKey, portalPath, usePortalKey, type PortalCase } from './usePortal';

/** On a resolved case: "how did we do?" — answered here once (or by the mailed link), then a thank-you with the stars given. */
export function PortalSurveyCard({ item, queryKey }: { item: PortalCase; queryKey: unknown[] }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (values: { csat: number; nps: number | null; comment: string | null }) => api.post<PortalCase>(`${portalPath(key)}/cases/${encodeURIComponent(item.reference)}/survey`, values),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: homeKey(key) });
    },
  });
  const survey = item.survey;
  if (!survey) return null;
  return (
    <Card title={t('surveys.page.title')} data-testid="portal-survey">
      {survey.answered ? (
        <Result status="success" title={t('surveys.page.thanks')} subTitle={survey.csat ? t('portal.case.rated', { csat: survey.csat }) : undefined} data-testid="survey-thanks" style={{ padding: 16 }} />
      ) : (
        <SurveyForm askNps={survey.askNps} pending={answer.isPending} error={answer.error} onSubmit={(values) => answer.mutate(values)} />
      )}
    </Card>
  );
}
