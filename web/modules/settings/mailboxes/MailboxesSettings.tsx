import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { MailboxFormModal } from './MailboxFormModal';
import { MailboxesTable } from './MailboxesTable';
import type { Mailbox } from './types';
import { useMailboxes } from './useMailboxes';

/** /settings/mailboxes: IMAP mailboxes whose mail (received and sent) is logged on the timeline. */
export function MailboxesSettings() {
  const { t } = useTranslation();
  const mailboxes = useMailboxes();
  const [dialog, setDialog] = useState<{ open: boolean; mailbox: Mailbox | null }>({ open: false, mailbox: null });
  const edit = (mailbox: Mailbox | null) => setDialog({ open: true, mailbox });
  const rows = mailboxes.data?.data ?? [];
  const empty = !mailboxes.isPending && !mailboxes.error && rows.length === 0;
  const addButton = (
    <Button type="primary" icon={<InboxOutlined />} onClick={() => edit(null)} data-testid="mailbox-open">
      {t('mailboxes.add')}
    </Button>
  );
  return (
    <Card title={t('mailboxes.title')} extra={!empty && addButton}>
      <Typography.Paragraph type="secondary">{t('mailboxes.text')}</Typography.Paragraph>
      {mailboxes.error && <ErrorAlert error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />}
      {mailboxes.error ? null : empty ? (
        <EmptyState title={t('mailboxes.empty.title')} description={t('mailboxes.empty.text')} action={addButton} testId="mailboxes-empty" />
      ) : (
        <MailboxesTable rows={rows} loading={mailboxes.isPending} onEdit={edit} />
      )}
      <MailboxFormModal open={dialog.open} mailbox={dialog.mailbox} onClose={() => setDialog((d) => ({ ...d, open: false }))} />
    </Card>
  );
}
