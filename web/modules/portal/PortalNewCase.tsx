import { App, Alert, Button, Card, Form, Input, Radio, Select, Typography, type UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { AttachmentPicker, uploadsOf } from './AttachmentPicker';
import { RequireCustomer } from './RequireCustomer';
import { ATTACHMENT_LIMITS, homeKey, portalPath, typeLabel, usePortalKey, type PortalCase, type PortalHome } from './usePortal';

interface NewCaseValues {
  typeId: string;
  productId?: string | null;
  subject: string;
  description: string;
  attachments?: UploadFile[];
}

/** /portal/:key/cases/new — the customer opens a request: what kind, about which of their products, with photos. */
export function PortalNewCase() {
  return <RequireCustomer>{(home) => <NewCaseForm home={home} />}</RequireCustomer>;
}

function NewCaseForm({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewCaseValues>();
  const productParam = params.get('product');
  const repair = home.caseTypes.find((x) => x.key === 'repair');
  const initial: Partial<NewCaseValues> = {
    productId: home.products.some((p) => p.productId === productParam) ? productParam : undefined,
    typeId: productParam && repair ? repair.id : home.caseTypes.length === 1 ? home.caseTypes[0]!.id : undefined,
  };
  const { submit, pending, error } = useFormSubmit(
    form,
    async (values: NewCaseValues) =>
      api.post<PortalCase>(`${portalPath(key)}/cases`, {
        typeId: values.typeId,
        productId: values.productId ?? null,
        subject: values.subject,
        description: values.description,
        attachments: await uploadsOf(values.attachments),
      }),
    async (created) => {
      void message.success(t('portal.newCase.created', { reference: created.reference }));
      await queryClient.invalidateQueries({ queryKey: homeKey(key) });
      void navigate(`/portal/${key}/cases/${created.reference}`);
    },
  );
  const size = ATTACHMENT_LIMITS.bytes / 1_048_576;
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }} data-testid="portal-new-case-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.newCase.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.newCase.subtitle')}</Typography.Paragraph>
      {home.caseTypes.length === 0 ? (
        <Alert type="info" showIcon title={t('portal.newCase.noTypes')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
          <FormAlert message={error} />
          <Form.Item name="typeId" label={t('portal.newCase.type')} rules={[{ required: true, message: t('portal.newCase.typeRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={home.caseTypes.map((type) => ({ value: type.id, label: <span data-testid={`portal-type-${type.key ?? type.id}`}>{typeLabel(type, t)}</span> }))} />
          </Form.Item>
          <Form.Item name="productId" label={t('portal.newCase.product')} extra={t('portal.newCase.productHint')}>
            <Select
              allowClear
              placeholder={t('portal.newCase.productNone')}
              options={home.products.map((p) => ({ value: p.productId, label: `${p.name} (${p.sku})` }))}
              data-testid="portal-product-select"
            />
          </Form.Item>
          <Form.Item name="subject" label={t('portal.newCase.subject')} rules={[{ required: true, whitespace: true, message: t('portal.newCase.subjectRequired') }, { max: 300 }]}>
            <Input placeholder={t('portal.newCase.subjectPlaceholder')} maxLength={300} data-testid="portal-subject" />
          </Form.Item>
          <Form.Item name="description" label={t('portal.newCase.description')} rules={[{ required: true, whitespace: true, message: t('portal.newCase.descriptionRequired') }]}>
            <Input.TextArea rows={5} maxLength={10_000} showCount placeholder={t('portal.newCase.descriptionPlaceholder')} data-testid="portal-description" />
          </Form.Item>
          <Form.Item name="attachments" label={t('portal.newCase.attachments')} extra={t('portal.newCase.attachmentsHint', { count: ATTACHMENT_LIMITS.count, size })} valuePropName="value">
            <AttachmentPicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={pending} data-testid="portal-submit-case">
            {t('portal.newCase.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
