import { ArrowLeftOutlined, CustomerServiceOutlined, PaperClipOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Descriptions, Flex, Form, Input, Result, Spin, Typography, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, isApiError } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormAlert } from '../../ui/FormAlert';
import { AttachmentPicker, uploadsOf } from './AttachmentPicker';
import { PortalCaseStatus } from './PortalCaseStatus';
import { PortalSurveyCard } from './PortalSurveyCard';
import { RequireCustomer } from './RequireCustomer';
import { brandKey, homeKey, portalPath, typeLabel, usePortalKey, type PortalBrand, type PortalCase, type PortalHome } from './usePortal';
import { usePortalFormat } from './usePortalFormat';

/** /portal/:key/cases/:reference — one of the customer's requests: its facts and the conversation, and a reply box. */
export function PortalCasePage() {
  return <RequireCustomer>{(home) => <CaseView home={home} />}</RequireCustomer>;
}

function CaseView({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const { reference = '' } = useParams();
  const format = usePortalFormat();
  const queryKey = ['portal', key, 'case', reference];
  const found = useQuery({ queryKey, queryFn: ({ signal }) => api.get<PortalCase>(`${portalPath(key)}/cases/${encodeURIComponent(reference)}`, undefined, signal), retry: false });
  const back = (
    <Link to={`/portal/${key}`}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
        {t('portal.case.back')}
      </Button>
    </Link>
  );
  if (found.isLoading) return <Spin size="large" style={{ display: 'block', padding: 64 }} />;
  if (isApiError(found.error, 404)) return <Result status="404" title={t('portal.case.notFound')} subTitle={t('portal.case.notFoundText')} extra={back} />;
  if (found.error) return <ErrorAlert error={found.error} />;
  const item = found.data!;
  const type = home.caseTypes.find((x) => x.id === item.typeId);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860, margin: '0 auto' }} data-testid="portal-case-page">
      {back}
      <Card>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="portal-case-subject">
            {item.subject}
          </Typography.Title>
          <PortalCaseStatus status={item.status} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('portal.case.reference')}>
            <span data-testid="portal-case-reference">{item.reference}</span>
          </Descriptions.Item>
          {type && <Descriptions.Item label={t('portal.case.type')}>{typeLabel(type, t)}</Descriptions.Item>}
          {item.product && <Descriptions.Item label={t('portal.case.product')}>{item.product.name}</Descriptions.Item>}
          <Descriptions.Item label={t('portal.case.created')}>{format.dateTime(item.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('portal.case.updated')}>{format.dateTime(item.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PortalSurveyCard item={item} queryKey={queryKey} />
      <Card title={t('portal.case.conversation')}>
        <Conversation item={item} />
        {item.status === 'closed' ? <Alert type="info" showIcon title={t('portal.case.closed')} style={{ marginTop: 16 }} /> : <ReplyForm reference={item.reference} queryKey={queryKey} />}
      </Card>
    </Flex>
  );
}

function Conversation({ item }: { item: PortalCase }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const format = usePortalFormat();
  const brand = useQueryClient().getQueryData<PortalBrand>(brandKey(key));
  if (item.messages.length === 0) return <Typography.Text type="secondary">{t('portal.case.noMessages')}</Typography.Text>;
  return (
    <Flex vertical gap={16} data-testid="portal-messages">
      {item.messages.map((m) => (
        <Flex key={m.id} gap={12} justify={m.fromCustomer ? 'flex-end' : 'flex-start'} data-testid={m.fromCustomer ? 'portal-message-mine' : 'portal-message-theirs'}>
          {!m.fromCustomer && <Avatar style={{ background: brand?.color, flex: 'none' }} icon={<CustomerServiceOutlined />} />}
          <div style={{ maxWidth: '78%', background: m.fromCustomer ? '#f0f5ff' : '#f6f6f6', borderRadius: 10, padding: '10px 14px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.fromCustomer ? t('portal.case.you') : t('portal.case.us', { workspace: brand?.name ?? '' })} · {format.dateTime(m.at)}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{m.body}</Typography.Paragraph>
            {m.attachments.map((a) => (
              <div key={a.fileId}>
                <a href={`/api/v1${portalPath(key)}/cases/${item.reference}/files/${a.fileId}`} data-testid="portal-attachment">
                  <PaperClipOutlined /> {a.name}
                </a>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.number(Math.max(1, Math.round(a.size / 1024)))} KB
                </Typography.Text>
              </div>
            ))}
          </div>
          {m.fromCustomer && <Avatar style={{ flex: 'none' }} icon={<UserOutlined />} />}
        </Flex>
      ))}
    </Flex>
  );
}

interface ReplyValues {
  body: string;
  attachments?: UploadFile[];
}

function ReplyForm({ reference, queryKey }: { reference: string; queryKey: unknown[] }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReplyValues>();
  const { submit, pending, error } = useFormSubmit(
    form,
    async (values: ReplyValues) => api.post<PortalCase>(`${portalPath(key)}/cases/${reference}/messages`, { body: values.body, attachments: await uploadsOf(values.attachments) }),
    (updated) => {
      queryClient.setQueryData(queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: homeKey(key) });
      void message.success(t('portal.case.sent'));
      form.resetFields();
    },
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ marginTop: 24 }}>
      <FormAlert message={error} />
      <Form.Item name="body" label={t('portal.case.reply')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={10_000} placeholder={t('portal.case.replyPlaceholder')} data-testid="portal-reply" />
      </Form.Item>
      <Form.Item name="attachments" valuePropName="value">
        <AttachmentPicker />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="portal-send-reply">
        {t('portal.case.send')}
      </Button>
    </Form>
  );
}
