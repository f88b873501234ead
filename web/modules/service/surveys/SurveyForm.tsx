import { Alert, Button, Form, Input, Radio, Rate } from 'antd';
import { useTranslation } from 'react-i18next';

export interface SurveyAnswer {
  csat: number;
  nps?: number;
  comment?: string;
}

/** The satisfaction questions: stars, the 0–10 recommendation when asked, a comment. The mailed link's page and the portal ask them alike. */
export function SurveyForm({ askNps, pending, error, onSubmit }: { askNps: boolean; pending: boolean; error: Error | null; onSubmit: (answer: { csat: number; nps: number | null; comment: string | null }) => void }) {
  const { t } = useTranslation();
  return (
    <Form<SurveyAnswer> layout="vertical" onFinish={(values) => onSubmit({ csat: values.csat, nps: values.nps ?? null, comment: values.comment ?? null })} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form.Item name="csat" label={t('surveys.page.csat')} rules={[{ required: true, message: t('surveys.page.csatRequired') }]}>
        <Rate style={{ fontSize: 32 }} data-testid="survey-csat" />
      </Form.Item>
      {askNps && (
        <Form.Item name="nps" label={t('surveys.page.nps')} extra={`0 = ${t('surveys.page.npsLow')} · 10 = ${t('surveys.page.npsHigh')}`}>
          <Radio.Group optionType="button" buttonStyle="solid" size="small" options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))} data-testid="survey-nps" />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t('surveys.page.comment')}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="survey-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} data-testid="survey-submit">
        {t('surveys.page.submit')}
      </Button>
    </Form>
  );
}
