import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import type { Contact } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import type { CallContact } from './callState';

interface QuickCreateValues {
  name: string;
  company?: string;
  phone: string;
}

/** An unknown caller in two fields: creates the contact with the number and opens its page. */
export function QuickCreateContact({ phone, onCreated }: { phone: string; onCreated: (contact: CallContact) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuickCreateValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { submit, pending, error } = useFormSubmit(
    form,
    (values: QuickCreateValues) => api.post<Contact>('/contacts', { name: values.name.trim(), company: values.company?.trim() || null, phone: values.phone }),
    (contact) => {
      void queryClient.invalidateQueries({ queryKey: ['/contacts'] });
      onCreated({ id: contact.id, name: contact.name, company: contact.company, title: contact.title, phone: contact.phone });
      navigate(`/contacts/${contact.id}`);
    },
  );

  return (
    <Form form={form} layout="vertical" size="small" initialValues={{ phone }} onFinish={submit} requiredMark={false} data-testid="call-quick-create">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {t('calls.noMatch')}
      </Typography.Text>
      <FormAlert message={error} />
      <Form.Item name="name" label={t('calls.name')} rules={[{ required: true, whitespace: true, message: t('calls.nameRequired') }]} style={{ marginBottom: 8 }}>
        <Input autoComplete="off" data-testid="call-quick-name" />
      </Form.Item>
      <Form.Item name="company" label={t('calls.company')} style={{ marginBottom: 8 }}>
        <Input autoComplete="off" data-testid="call-quick-company" />
      </Form.Item>
      <Form.Item name="phone" label={t('calls.phone')} style={{ marginBottom: 8 }}>
        <Input data-testid="call-quick-phone" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} block data-testid="call-quick-submit">
        {t('calls.createAndOpen')}
      </Button>
    </Form>
  );
}
