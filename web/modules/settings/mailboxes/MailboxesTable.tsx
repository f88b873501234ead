import { Button, Flex, Popconfirm, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/useFormat';
import type { Mailbox } from './types';
import { useMailboxActions } from './useMailboxes';

interface MailboxesTableProps {
  rows: Mailbox[];
  loading: boolean;
  onEdit: (mailbox: Mailbox) => void;
}

/** The last sync: its progress while it runs, else when it ended and why it failed (translated). */
function SyncStatus({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation();
  const format = useFormat();
  const job = mailbox.syncJob;
  if (job && (job.state === 'queued' || job.state === 'running')) {
    const percent = job.total ? Math.min(99, Math.floor((job.progress / job.total) * 100)) : 0;
    return (
      <div data-testid="mailbox-progress" style={{ minWidth: 160 }}>
        <Progress percent={percent} size="small" status="active" />
        <Typography.Text type="secondary">
          {t(`jobs.state.${job.state}`)}
          {job.total ? ` · ${job.progress} / ${job.total}` : ''}
        </Typography.Text>
      </div>
    );
  }
  return (
    <Flex vertical gap={2} data-testid="mailbox-status">
      <Typography.Text type="secondary">{mailbox.lastSyncAt ? t('mailboxes.lastSync', { when: format.relative(mailbox.lastSyncAt) }) : t('mailboxes.neverSynced')}</Typography.Text>
      {mailbox.lastError && (
        <Typography.Text type="danger" data-testid="mailbox-error">
          {t(`errors.${mailbox.lastError.code}`, { ...mailbox.lastError.params, defaultValue: mailbox.lastError.code })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Mailboxes: address and server, folders, on/off, the last sync; sync now, change, delete. */
export function MailboxesTable({ rows, loading, onEdit }: MailboxesTableProps) {
  const { t } = useTranslation();
  const { sync, setEnabled, remove } = useMailboxActions();
  return (
    <Table<Mailbox>
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="mailboxes-table"
      onRow={(row) => ({ 'data-testid': 'mailbox-row', 'data-address': row.address }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('mailboxes.address'),
          dataIndex: 'address',
          render: (address: string, row) => (
            <Flex vertical gap={2}>
              <Space size={4}>
                <Typography.Text strong>{address}</Typography.Text>
                <Tag>{row.userId ? t('mailboxes.mine') : t('mailboxes.workspaces')}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {row.host}:{row.port} · {t(`mailboxes.tlsModes.${row.tls}`)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('mailboxes.folders'),
          dataIndex: 'folders',
          render: (folders: string[] | null) => (folders ? folders.map((f) => <Tag key={f}>{f}</Tag>) : <Typography.Text type="secondary">{t('mailboxes.foldersDefault')}</Typography.Text>),
        },
        {
          title: t('mailboxes.enabled'),
          dataIndex: 'enabled',
          render: (enabled: boolean, row) => (
            <Switch
              size="small"
              checked={enabled}
              loading={setEnabled.isPending && setEnabled.variables?.id === row.id}
              onChange={(checked) => setEnabled.mutate({ id: row.id, enabled: checked })}
              aria-label={t('mailboxes.enabled')}
              data-testid="mailbox-enabled"
            />
          ),
        },
        { title: t('mailboxes.sync'), key: 'sync', render: (_, row) => <SyncStatus mailbox={row} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, row) => (
            <Space size="small">
              <Button size="small" onClick={() => sync.mutate(row.id)} loading={sync.isPending && sync.variables === row.id} disabled={!row.enabled} data-testid="mailbox-sync">
                {t('mailboxes.syncNow')}
              </Button>
              <Button size="small" onClick={() => onEdit(row)} data-testid="mailbox-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('mailboxes.deleteConfirm')} description={t('mailboxes.deleteHint')} onConfirm={() => remove.mutate(row.id)} okButtonProps={{ danger: true }}>
                <Button size="small" danger data-testid="mailbox-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
