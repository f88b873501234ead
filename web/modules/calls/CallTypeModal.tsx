import { App, Checkbox, Form, Input, Modal, Tabs, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../contracts/roles';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { CALL_TYPE_DEFAULTS, type CallType } from './callTypes';

/** Merge fields a script may use (the server's list, as in mail templates). */
const MERGE_FIELDS = ['contact.name', 'contact.firstName', 'contact.company', 'contact.title', 'user.name', 'workspace.name'];

interface CallTypeModalProps {
  /** The type to change; none to add one. */
  type?: CallType;
  onClose: (saved: boolean) => void;
}

/** Adds or changes a call type: its name and script in each language, and the calls it is the first choice for. */
export function CallTypeModal({ type, onClose }: CallTypeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Pick<CallType, 'names' | 'scripts' | 'defaultFor'>>();
  const save = (values: Pick<CallType, 'names' | 'scripts' | 'defaultFor'>) => (type ? api.patch(`/calls/types/${type.id}`, values) : api.post('/calls/types', values));
  const { submit, pending, error } = useFormSubmit(form, save, () => {
    message.success(t('callScripts.saved'));
    onClose(true);
  });
  return (
    <Modal
      open
      width={680}
      title={type ? t('callScripts.edit') : t('callScripts.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'call-type-submit' } as ButtonProps}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" initialValues={type ?? { names: {}, scripts: {}, defaultFor: [] }} onFinish={submit}>
        <Tabs
          items={LOCALES.map((locale) => ({
            key: locale,
            label: t(`callScripts.languages.${locale}`),
            forceRender: true,
            children: (
              <>
                <Form.Item name={['names', locale]} label={t('callScripts.name')}>
                  <Input maxLength={100} placeholder={t('callScripts.namePlaceholder')} data-testid={`call-type-name-${locale}`} />
                </Form.Item>
                <Form.Item name={['scripts', locale]} label={t('callScripts.script')} extra={t('callScripts.mergeFields', { fields: MERGE_FIELDS.map((f) => `{{${f}}}`).join(' ') })}>
                  <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={20_000} placeholder={t('callScripts.scriptPlaceholder')} data-testid={`call-type-script-${locale}`} />
                </Form.Item>
              </>
            ),
          }))}
        />
        <Form.Item name="defaultFor" label={t('callScripts.defaultFor')} style={{ marginBottom: 0 }}>
          <Checkbox.Group options={CALL_TYPE_DEFAULTS.map((kind) => ({ value: kind, label: t(`callScripts.kinds.${kind}`) }))} />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('callScripts.defaultForHint')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
