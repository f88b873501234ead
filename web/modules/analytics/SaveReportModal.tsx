import { Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../app/formErrors';
import { useCan } from '../../app/useCan';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useMembers } from '../../app/useMembers';
import { FormAlert } from '../../ui/FormAlert';
import type { Report, ReportSchedule } from './types';

interface Values {
  name: string;
  shared: boolean;
  frequency: ReportSchedule['frequency'] | 'off';
  recipientIds: string[];
}

interface SaveReportModalProps {
  report?: Report;
  disabled: boolean;
  saving: boolean;
  onSave(values: { name: string; shared: boolean; schedule: ReportSchedule | null }): Promise<boolean>;
}

/** Name, sharing and mailing of a report, asked when it is saved. */
export function SaveReportModal({ report, disabled, saving, onSave }: SaveReportModalProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const { members } = useMembers();
  const me = useCurrentSession().user.id;
  // Admins and managers share, as with list views.
  const mayShare = useCan('records.dedupe');
  const frequency = Form.useWatch('frequency', form);
  const shared = Form.useWatch('shared', form);

  async function submit(values: Values) {
    setError(null);
    try {
      const schedule = values.frequency === 'off' ? null : { frequency: values.frequency, recipientIds: values.shared ? values.recipientIds : [me] };
      if (await onSave({ name: values.name, shared: values.shared, schedule })) setOpen(false);
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  }

  return (
    <>
      <Button type="primary" disabled={disabled} onClick={() => setOpen(true)} data-testid="report-save">
        {t('reports.save')}
      </Button>
      <Modal open={open} title={t('reports.save')} okText={t('reports.save')} confirmLoading={saving} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden okButtonProps={{ 'data-testid': 'report-save-confirm' } as never}>
        <FormAlert message={error} />
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={submit}
          initialValues={{ name: report?.name ?? '', shared: report?.shared ?? false, frequency: report?.schedule?.frequency ?? 'off', recipientIds: report?.schedule?.recipientIds ?? [me] }}
        >
          <Form.Item name="name" label={t('reports.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('reports.name') }) }]}>
            <Input maxLength={200} autoFocus data-testid="report-name" />
          </Form.Item>
          {mayShare && (
            <Form.Item name="shared" label={t('reports.shared')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          <Form.Item name="frequency" label={t('reports.schedule')}>
            <Select options={[{ value: 'off', label: t('reports.scheduleOff') }, ...(['daily', 'weekly', 'monthly'] as const).map((f) => ({ value: f, label: t(`reports.frequencies.${f}`) }))]} />
          </Form.Item>
          {frequency !== 'off' && shared && (
            <Form.Item name="recipientIds" label={t('reports.recipients')} rules={[{ required: true, message: t('validation.required', { field: t('reports.recipients') }) }]}>
              <Select mode="multiple" options={members.map((m) => ({ value: m.userId, label: m.name }))} optionFilterProp="label" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
