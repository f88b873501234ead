import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Input, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import type { AgentExtension, Member } from '../../app/types';
import { useMembers } from '../../app/useMembers';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { MemberCell } from './MemberCell';
import { useIsAdmin } from './useIsAdmin';

const AGENTS_KEY = ['/calls/agents'] as const;

const EXAMPLE = `POST /api/v1/calls/events
Authorization: Bearer gx_…
Content-Type: application/json

{"event": "ringing", "callId": "1732356000.101", "direction": "inbound",
 "customerNumber": "138 0013 8000", "agentExtension": "8001"}`;

/** A member's extension: saved when the field is left or Enter is pressed; emptied, it is cleared. */
function ExtensionInput({ member, extension, editable }: { member: Member; extension: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(extension);
  const [shown, setShown] = useState(extension);
  /** The value last sent, so that Enter and then leaving the field save once. */
  const sent = useRef<string | null>(null);
  // A new value from the server (another admin, a refetch) replaces what is typed.
  if (shown !== extension) {
    setShown(extension);
    setValue(extension);
  }
  const save = useMutation({
    mutationFn: (next: string | null) => api.put(`/calls/agents/${member.userId}`, { extension: next }),
    onSuccess: () => {
      message.success(t('telephony.extensionSaved', { name: member.name }));
      void queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
    },
    onError: (err) => {
      sent.current = null;
      message.error(err.message);
      setValue(extension);
    },
  });
  const commit = () => {
    const next = value.trim();
    if (next === extension || next === sent.current) return;
    sent.current = next;
    save.mutate(next === '' ? null : next);
  };
  if (!editable) return extension ? <Typography.Text code>{extension}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Input
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
      maxLength={40}
      placeholder={t('telephony.extensionPlaceholder')}
      disabled={save.isPending}
      style={{ width: 140 }}
      aria-label={t('telephony.extensionOf', { name: member.name })}
      data-testid={`extension-${member.email}`}
    />
  );
}

/** /settings/telephony: members' phone extensions and how a PBX reports calls (the CTI webhook). */
export function TelephonySettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const { members, isPending } = useMembers();
  const agents = useQuery({ queryKey: AGENTS_KEY, queryFn: ({ signal }) => api.get<{ data: AgentExtension[] }>('/calls/agents', undefined, signal) });
  const extensions = new Map((agents.data?.data ?? []).map((a) => [a.userId, a.extension]));
  const endpoint = `${window.location.origin}/api/v1/calls/events`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <AdminOnlyNotice />
      <Card title={t('telephony.extensionsTitle')} styles={{ body: { paddingTop: 0 } }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('telephony.extensionsText')}
        </Typography.Paragraph>
        {agents.error && <ErrorAlert error={agents.error} onRetry={() => void agents.refetch()} />}
        <Table<Member>
          rowKey="userId"
          dataSource={members.filter((m) => m.status === 'active')}
          loading={isPending || agents.isPending}
          pagination={false}
          size="small"
          data-testid="extensions-table"
          columns={[
            {
              title: t('fields.name'),
              dataIndex: 'name',
              render: (_, row) => (
                <MemberCell member={row}>
                  <Typography.Text type="secondary">{row.email}</Typography.Text>
                </MemberCell>
              ),
            },
            { title: t('telephony.extension'), key: 'extension', render: (_, row) => <ExtensionInput member={row} extension={extensions.get(row.userId) ?? ''} editable={isAdmin} /> },
          ]}
        />
      </Card>
      <Card title={t('telephony.ctiTitle')}>
        <Typography.Paragraph type="secondary">{t('telephony.ctiText')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: endpoint }} code data-testid="cti-url" style={{ wordBreak: 'break-all' }}>
          {`POST ${endpoint}`}
        </Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20 }}>
          <li>
            {t('telephony.ctiKey')} <Link to="/settings/api-keys">{t('settings.tabs.apiKeys')}</Link>
          </li>
          <li>{t('telephony.ctiEvents')}</li>
          <li>{t('telephony.ctiAgent')}</li>
          <li>{t('telephony.ctiAsterisk')}</li>
        </ul>
        <pre style={{ background: 'rgba(0,0,0,0.04)', padding: 12, borderRadius: 6, overflowX: 'auto', fontSize: 12 }}>{EXAMPLE}</pre>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('telephony.ctiDocs')} <a href="/api/docs" target="_blank" rel="noreferrer">{t('apiKeys.docs')}</a>
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
