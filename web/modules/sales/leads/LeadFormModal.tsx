import { Checkbox, Col, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { OwnerSelect } from '../../../app/OwnerSelect';
import { canAssignOwners } from '../../../app/permissions';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { formatPhone } from '../../../ui/phone';
import { CustomFieldItems } from '../CustomFieldItems';
import { leadPatch, leadToValues, newLeadBody, type LeadValues } from './leadValues';
import type { Lead } from './types';

interface LeadFormModalProps {
  open: boolean;
  /** The lead to change; without it the form creates one. */
  lead?: Lead;
  onClose: () => void;
  onSaved: (lead: Lead) => void;
}

/** Create or change a lead: one form for both. */
export function LeadFormModal({ open, lead, onClose, onSaved }: LeadFormModalProps) {
  const { t } = useTranslation();
  const { user, membership } = useCurrentSession();
  const [form] = Form.useForm<LeadValues>();
  const assign = Form.useWatch('assign', form);
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: LeadValues) => {
      if (!lead) return api.post<Lead>('/leads', newLeadBody(values));
      const patch = leadPatch(lead, values);
      return Object.keys(patch).length ? api.patch<Lead>(`/leads/${lead.id}`, patch) : Promise.resolve(lead);
    },
    onSaved,
  );
  const startValues: Partial<LeadValues> = lead ? { ...leadToValues(lead), phone: lead.phone ? formatPhone(lead.phone) : '' } : { ownerId: user.id, tags: [], assign: false };
  const text = (name: keyof LeadValues, max: number, md = 12, type?: string) => (
    <Col xs={24} md={md}>
      <Form.Item name={name} label={t(`fields.${name}`)} rules={type === 'email' ? [{ type: 'email' }] : undefined}>
        <Input name={name} maxLength={max} type={type} data-testid={`lead-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open={open}
      width={720}
      title={lead ? t('leads.edit') : t('leads.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'lead-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={startValues}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }]}>
              <Input name="name" autoFocus maxLength={200} data-testid="lead-name" />
            </Form.Item>
          </Col>
          {text('company', 200)}
          {text('title', 100)}
          {text('email', 254, 12, 'email')}
          {text('phone', 40, 12, 'tel')}
          {text('wechatId', 100)}
          {text('industry', 100, 8)}
          {text('region', 100, 8)}
          {text('source', 100, 8)}
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('fields.tags')}>
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <CustomFieldItems objectType="leads" />
          {!lead && (
            <Col xs={24}>
              <Form.Item name="assign" valuePropName="checked" extra={t('leads.assignHint')}>
                <Checkbox data-testid="lead-assign">{t('leads.assign')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {canAssignOwners(membership.role) && !assign && (
            <Col xs={24}>
              <Form.Item name="ownerId" label={t('fields.ownerId')}>
                <OwnerSelect testId="lead-owner" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
