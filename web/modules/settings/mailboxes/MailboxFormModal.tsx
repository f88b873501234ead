import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { useIsAdmin } from '../useIsAdmin';
import type { Mailbox, MailboxFolder } from './types';
import { MAILBOXES_KEY } from './useMailboxes';

interface MailboxValues {
  /** Only admins choose; members' mailboxes are their own. */
  personal?: boolean;
  address: string;
  host: string;
  port: number;
  tls: Mailbox['tls'];
  username: string;
  password?: string;
  folders: string[];
  createContacts: boolean;
  initialSyncDays: number;
}

const PORTS: Record<Mailbox['tls'], number> = { tls: 993, starttls: 143, none: 143 };

interface MailboxFormModalProps {
  open: boolean;
  /** The mailbox to change; none to add one. */
  mailbox: Mailbox | null;
  onClose: () => void;
}

/** Add or change a mailbox; "Test connection" saves it, then signs in and lists its folders. */
export function MailboxFormModal({ open, mailbox, onClose }: MailboxFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MailboxValues>();
  // Once saved by a test, later saves change it instead of adding another.
  const [saved, setSaved] = useState<Mailbox | null>(null);
  const [test, setTest] = useState<{ folders?: MailboxFolder[]; error?: string } | null>(null);
  const [closeAfter, setCloseAfter] = useState(true);
  const current = saved ?? mailbox;

  const { submit, pending, error, reset } = useFormSubmit(
    form,
    async ({ personal, password, folders, ...values }: MailboxValues) => {
      const body = { ...values, folders: folders.length ? folders : null, ...(password ? { password } : {}) };
      return current ? api.patch<Mailbox>(`/mailboxes/${current.id}`, body) : api.post<Mailbox>('/mailboxes', { ...body, personal: personal ?? true });
    },
    async (result) => {
      setSaved(result);
      void queryClient.invalidateQueries({ queryKey: MAILBOXES_KEY });
      if (closeAfter) {
        message.success(t('common.saved'));
        onClose();
        return;
      }
      setTest(null);
      try {
        setTest({ folders: (await api.post<{ folders: MailboxFolder[] }>(`/mailboxes/${result.id}/test`)).folders });
      } catch (err) {
        setTest({ error: (err as Error).message });
      }
    },
  );

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      mailbox
        ? { ...mailbox, personal: mailbox.userId !== null, password: '', folders: mailbox.folders ?? [] }
        : { personal: true, address: '', host: '', port: 993, tls: 'tls', username: '', password: '', folders: [], createContacts: false, initialSyncDays: 30 },
    );
  }, [open, mailbox, form]);

  const afterClose = () => {
    setSaved(null);
    setTest(null);
    form.resetFields();
    reset();
  };
  const save = (thenClose: boolean) => {
    setCloseAfter(thenClose);
    form.submit();
  };

  return (
    <Modal
      open={open}
      title={mailbox ? t('mailboxes.editTitle') : t('mailboxes.addTitle')}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
      width={620}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="test" loading={pending && !closeAfter} onClick={() => save(false)} data-testid="mailbox-test">
          {t('mailboxes.test')}
        </Button>,
        <Button key="save" type="primary" loading={pending && closeAfter} onClick={() => save(true)} data-testid="mailbox-submit">
          {t('common.save')}
        </Button>,
      ]}
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {isAdmin && !current && (
          <Form.Item name="personal" label={t('mailboxes.whose')}>
            <Radio.Group options={[{ value: true, label: t('mailboxes.mine') }, { value: false, label: t('mailboxes.workspaces') }]} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('mailboxes.address')} extra={t('mailboxes.addressHint')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="off" placeholder="sales@example.com" data-testid="mailbox-address" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 100px 180px', gap: 12 }}>
          <Form.Item name="host" label={t('mailboxes.host')} rules={[{ required: true, whitespace: true }]}>
            <Input autoComplete="off" placeholder="imap.exmail.qq.com" data-testid="mailbox-host" />
          </Form.Item>
          <Form.Item name="port" label={t('mailboxes.port')} rules={[{ required: true }]}>
            <InputNumber min={1} max={65535} style={{ width: '100%' }} data-testid="mailbox-port" />
          </Form.Item>
          <Form.Item name="tls" label={t('mailboxes.tls')}>
            <Select
              data-testid="mailbox-tls"
              onChange={(tls: Mailbox['tls']) => form.setFieldValue('port', PORTS[tls])}
              options={(['tls', 'starttls', 'none'] as const).map((value) => ({ value, label: t(`mailboxes.tlsModes.${value}`) }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="username" label={t('mailboxes.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" data-testid="mailbox-username" />
        </Form.Item>
        <Form.Item name="password" label={t('mailboxes.password')} extra={current ? t('mailboxes.passwordKept') : t('mailboxes.passwordHint')} rules={[{ required: !current }]}>
          <Input.Password autoComplete="new-password" data-testid="mailbox-password" />
        </Form.Item>
        <Form.Item name="folders" label={t('mailboxes.folders')} extra={t('mailboxes.foldersHint')}>
          <Select mode="tags" tokenSeparators={[',']} placeholder={t('mailboxes.foldersDefault')} options={(test?.folders ?? []).map((f) => ({ value: f.path, label: f.path }))} data-testid="mailbox-folders" />
        </Form.Item>
        <Form.Item name="initialSyncDays" label={t('mailboxes.initialSyncDays')} extra={t('mailboxes.initialSyncDaysHint')}>
          <InputNumber min={1} max={3650} suffix={t('mailboxes.days')} data-testid="mailbox-days" />
        </Form.Item>
        <Form.Item name="createContacts" label={t('mailboxes.createContacts')} extra={t('inboundEmail.createContactsHint')} valuePropName="checked">
          <Switch data-testid="mailbox-create-contacts" />
        </Form.Item>
      </Form>
      {/* Beside the Test connection button, where the eye is after clicking it. */}
      {test?.folders && <Alert type="success" showIcon title={t('mailboxes.testOk', { folders: test.folders.map((f) => f.path).join(', ') })} data-testid="mailbox-test-ok" />}
      {test?.error && <Alert type="error" showIcon title={test.error} data-testid="mailbox-test-error" />}
    </Modal>
  );
}
