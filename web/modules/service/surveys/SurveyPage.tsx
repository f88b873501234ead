import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Radio, Rate, Result, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Locale } from '../../../../contracts/roles';
import { api, isApiError } from '../../../app/api';

interface PublicSurvey {
  workspaceName: string;
  caseNumber: string;
  subject: string;
  language: Locale;
  askNps: boolean;
  answered: boolean;
}
interface Answer {
  csat: number;
  nps?: number;
  comment?: string;
}

/** /survey/:token — the customer rates a resolved case from the mailed link: stars, 0–10, a comment. No sign-in. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const survey = useQuery({ queryKey: ['/public/surveys', token], queryFn: ({ signal }) => api.get<PublicSurvey>(`/public/surveys/${token}`, undefined, signal), retry: false });
  const answer = useMutation({ mutationFn: (values: Answer) => api.post(`/public/surveys/${token}`, { csat: values.csat, nps: values.nps ?? null, comment: values.comment ?? null }) });
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
      {answer.error && <Alert type="error" showIcon title={answer.error.message} />}
      <Form<Answer> layout="vertical" onFinish={(values) => answer.mutate(values)} requiredMark={false}>
        <Form.Item name="csat" label={t('surveys.page.csat')} rules={[{ required: true, message: t('surveys.page.csatRequired') }]}>
          <Rate style={{ fontSize: 32 }} data-testid="survey-csat" />
        </Form.Item>
        {data.askNps && (
          <Form.Item name="nps" label={t('surveys.page.nps')} extra={`0 = ${t('surveys.page.npsLow')} · 10 = ${t('surveys.page.npsHigh')}`}>
            <Radio.Group optionType="button" buttonStyle="solid" size="small" options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))} data-testid="survey-nps" />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('surveys.page.comment')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="survey-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={answer.isPending} data-testid="survey-submit">
          {t('surveys.page.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
