import { Checkbox, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { REMINDER_TRIGGERS } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { REMINDER_ACTIONS, type ReminderRule, type ReminderRuleInput } from './types';

interface ReminderRuleModalProps {
  open: boolean;
  rule: ReminderRule | null;
  onClose: () => void;
  onSaved: () => void;
}

const NEW_RULE: ReminderRuleInput = { name: '', trigger: 'warrantyEnds', daysBefore: 30, createTask: true, emailCustomer: false, notifyOwner: true, enabled: true };

/** Adds or edits a reminder rule: what ends, how many days before, and what to do then. */
export function ReminderRuleModal({ open, rule, onClose, onSaved }: ReminderRuleModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReminderRuleInput>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (v: ReminderRuleInput) => (rule ? api.patch<ReminderRule>(`/service/reminder-rules/${rule.id}`, v) : api.post<ReminderRule>('/service/reminder-rules', v)),
    () => onSaved(),
  );
  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} afterOpenChange={(visible) => visible && reset()} confirmLoading={pending} title={t(rule ? 'serviceReminders.edit' : 'serviceReminders.add')} okButtonProps={{ 'data-testid': 'reminder-rule-save' }} destroyOnHidden>
      <FormAlert message={error} />
      {/* Mounted afresh at each opening (destroyOnHidden): the initial values are the rule's, or a new rule's. */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={rule ? { name: rule.name, trigger: rule.trigger, daysBefore: rule.daysBefore, createTask: rule.createTask, emailCustomer: rule.emailCustomer, notifyOwner: rule.notifyOwner, enabled: rule.enabled } : NEW_RULE}>
        <Form.Item name="name" label={t('serviceReminders.fields.name')} rules={[{ required: true, whitespace: true, message: t('serviceReminders.nameRequired') }]}>
          <Input maxLength={120} data-testid="reminder-rule-name" />
        </Form.Item>
        <Form.Item name="trigger" label={t('serviceReminders.fields.trigger')}>
          <Select options={REMINDER_TRIGGERS.map((trigger) => ({ value: trigger, label: t(`serviceReminders.triggers.${trigger}`) }))} />
        </Form.Item>
        <Form.Item name="daysBefore" label={t('serviceReminders.fields.daysBefore')} extra={t('serviceReminders.daysBeforeHint')}>
          <InputNumber<number> min={0} max={365} precision={0} data-testid="reminder-rule-days" />
        </Form.Item>
        <Form.Item label={t('serviceReminders.fields.actions')} required>
          {REMINDER_ACTIONS.map((action) => (
            <Form.Item key={action} name={action} valuePropName="checked" noStyle>
              <Checkbox data-testid={`reminder-rule-${action}`}>{t(`serviceReminders.actions.${action}`)}</Checkbox>
            </Form.Item>
          ))}
        </Form.Item>
        <Form.Item name="enabled" label={t('serviceReminders.fields.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
