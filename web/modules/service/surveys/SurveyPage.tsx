import { useMutation, useQuery } from '@tanstack/react-query';
import { Flex, Result, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Locale } from '../../../../contracts/roles';
import { api, isApiError } from '../../../app/api';
import { SurveyForm } from './SurveyForm';

interface PublicSurvey {
  workspaceName: string;
  caseNumber: string;
  subject: string;
  language: Locale;
  askNps: boolean;
  answered: boolean;
}

/** /survey/:token — the customer rates a resolved case from the mailed link: stars, 0–10, a comment. No sign-in. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const survey = useQuery({ queryKey: ['/public/surveys', token], queryFn: ({ signal }) => api.get<PublicSurvey>(`/public/surveys/${token}`, undefined, signal), retry: false });
  const answer = useMutation({ mutationFn: (values: { csat: number; nps: number | null; comment: string | null }) => api.post(`/public/surveys/${token}`, values) });
  // The survey speaks the customer's language (the case's), whatever the browser says.
  const language = survey.data?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  if (survey.isLoading) return <Spin />;
  if (survey.error) return <Result status="warning" title={isApiError(survey.error) && survey.error.status === 404 ? t('surveys.page.missing') : survey.error.message} data-testid="survey-missing" />;
  const data = survey.data!;
  if (answer.isSuccess) return <Result status="success" title={t('surveys.page.thanks')} data-testid="survey-thanks" />;
  if (data.answered) return <Result status="info" title={t('surveys.page.already')} data-testid="survey-already" />;
  return (
    <Flex vertical gap={12} data-testid="survey-page">
      <Typography.Text type="secondary">{data.workspaceName}</Typography.Text>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('surveys.page.title')}
      </Typography.Title>
      <Typography.Text>{t('surveys.page.case', { number: data.caseNumber, subject: data.subject })}</Typography.Text>
      <SurveyForm askNps={data.askNps} pending={answer.isPending} error={answer.error} onSubmit={(values) => answer.mutate(values)} />
    </Flex>
  );
}
