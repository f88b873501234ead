import { App, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { homeKey, portalPath, usePortalKey } from './usePortal';

/** The signed-in customer sets a password, to sign in next time without waiting for a mail. */
export function PortalPasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const { submit, pending, error } = useFormSubmit(form, (values: { password: string }) => api.put(`${portalPath(key)}/password`, values), () => {
    void message.success(t('portal.password.saved'));
    void queryClient.invalidateQueries({ queryKey: homeKey(key) });
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={t('portal.password.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('portal.password.save')} confirmLoading={pending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('portal.password.text')}</Typography.Paragraph>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('portal.password.new')} extra={t('portal.password.min')} rules={[{ required: true, min: 8, message: t('portal.password.min') }]}>
          <Input.Password autoComplete="new-password" data-testid="portal-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
