import { Form, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISQUALIFY_REASONS, type DisqualifyReason } from '../../../../contracts/sales';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import type { Lead } from './types';

interface DisqualifyModalProps {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onSaved: (lead: Lead) => void;
}

/** Disqualifying a lead asks why (the server refuses it without a reason). */
export function DisqualifyModal({ lead, open, onClose, onSaved }: DisqualifyModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ disqualifyReason: DisqualifyReason }>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: { disqualifyReason: DisqualifyReason }) => api.patch<Lead>(`/leads/${lead.id}`, { status: 'disqualified', disqualifyReason: values.disqualifyReason }),
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={t('leads.disqualifyTitle', { name: lead.name })}
      okText={t('leads.actions.disqualified')}
      okButtonProps={{ danger: true, loading: pending, 'data-testid': 'lead-disqualify-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="disqualifyReason" label={t('leads.fields.disqualifyReason')} rules={[{ required: true, message: t('leads.reasonRequired') }]}>
          <Select data-testid="lead-disqualify-reason" options={DISQUALIFY_REASONS.map((value) => ({ value, label: t(`leads.reasons.${value}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
