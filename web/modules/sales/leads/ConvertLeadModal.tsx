import { useQuery } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { RecordSelect } from '../../../app/RecordSelect';
import type { Account, DuplicateMatch, Page } from '../../../app/types';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { currencyDigits } from '../../../ui/format';
import { pipelineName, stageName } from '../salesFormat';
import { usePipelines } from '../useSales';
import { convertBody, type ConvertValues } from './convertValues';
import type { Conversion, Lead } from './types';

interface ConvertLeadModalProps {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onConverted: (conversion: Conversion) => void;
}

/**
 * Converting a lead, with what will happen shown first: the account named like its company (or another, or
 * none for an individual consumer), the contact it may already be, and an optional opportunity.
 */
export function ConvertLeadModal({ lead, open, onClose, onConverted }: ConvertLeadModalProps) {
  const { t } = useTranslation();
  const { workspace } = useCurrentSession();
  const [form] = Form.useForm<ConvertValues>();
  const pipelines = usePipelines();
  const company = lead.company?.trim() ?? '';
  const sameName = useQuery({
    queryKey: ['/accounts', 'named', company],
    queryFn: ({ signal }) => api.get<Page<Account>>('/accounts', { filter: `name:eq:${company}`, limit: 1 }, signal),
    enabled: open && company !== '',
  });
  const duplicates = useQuery({
    queryKey: ['/contacts/duplicates', lead.id],
    queryFn: () => api.post<{ data: DuplicateMatch[] }>('/contacts/duplicates', { name: lead.name, company: lead.company, email: lead.email, phone: lead.phone }),
    enabled: open,
  });
  const existing = sameName.data?.data[0];
  const matches = duplicates.data?.data ?? [];
  const account = Form.useWatch('account', form);
  const withOpportunity = Form.useWatch('withOpportunity', form);
  const currency = workspace.defaultCurrency;
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: ConvertValues) => api.post<Conversion>(`/leads/${lead.id}/convert`, convertBody(values, pipelines.data ?? [], currency, currencyDigits(currency))),
    onConverted,
  );
  const openStages = (pipelines.data ?? []).flatMap((p) =>
    p.stages.filter((s) => s.kind === 'open').map((s) => ({ value: s.id, label: (pipelines.data?.length ?? 0) > 1 ? `${stageName(s, t)} (${pipelineName(p, t)})` : stageName(s, t) })),
  );
  const startValues: ConvertValues = { account: company ? 'company' : 'none', contact: 'auto', withOpportunity: true, opportunityName: company || lead.name };

  return (
    <Modal
      open={open}
      width={640}
      title={t('leads.convert.title', { name: lead.name })}
      okText={t('leads.convert.submit')}
      okButtonProps={{ loading: pending, 'data-testid': 'lead-convert-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={startValues}>
        <Form.Item name="account" label={t('leads.convert.account')}>
          <Radio.Group data-testid="lead-convert-account">
            <Space orientation="vertical">
              {company && (
                <Radio value="company">
                  {existing ? t('leads.convert.reuseAccount', { name: existing.name }) : t('leads.convert.newAccount', { name: company })}
                </Radio>
              )}
              <Radio value="pick">{t('leads.convert.pickAccount')}</Radio>
              <Radio value="none">{t('leads.convert.noAccount')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {account === 'pick' && (
          <Form.Item name="accountId" rules={[{ required: true, message: t('leads.convert.pickAccountRequired') }]}>
            <RecordSelect path="/accounts" testId="lead-convert-account-pick" />
          </Form.Item>
        )}
        <Form.Item name="contact" label={t('leads.convert.contact')} extra={matches.length ? t('leads.convert.duplicatesHint') : undefined}>
          <Radio.Group data-testid="lead-convert-contact">
            <Space orientation="vertical">
              <Radio value="auto">{t('leads.convert.newContact', { name: lead.name })}</Radio>
              {matches.map((m) => (
                <Radio key={m.contact.id} value={m.contact.id}>
                  {t('leads.convert.reuseContact', { name: m.contact.name })}{' '}
                  <Typography.Text type="secondary">({m.reasons.map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r })).join('、')})</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="withOpportunity" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="lead-convert-with-opportunity">{t('leads.convert.withOpportunity')}</Checkbox>
        </Form.Item>
        {withOpportunity && (
          <Row gutter={12}>
            <Col xs={24}>
              <Form.Item name="opportunityName" label={t('sales.fields.name')}>
                <Input maxLength={200} data-testid="lead-convert-opportunity-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="amount" label={t('sales.fields.amount')}>
                <InputNumber min={0} style={{ width: '100%' }} suffix={currency} data-testid="lead-convert-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="stageId" label={t('sales.fields.stageId')}>
                <Select allowClear placeholder={t('leads.convert.firstStage')} options={openStages} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
