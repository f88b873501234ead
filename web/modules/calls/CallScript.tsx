import { FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Skeleton, Typography, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { CALL_TYPES_KEY, callTypeName, defaultCallType, kindOfCall, type CallType, type CallTypeDefault } from './callTypes';
import type { ActiveCall } from './callState';

/** The script (话术) for the call in its card: the type set for this kind of call first. Nothing when no types are set. */
export function CallScript({ call }: { call: ActiveCall }) {
  return <ScriptPanel contactId={call.contacts[0]?.id} kind={kindOfCall(call)} />;
}

/**
 * A script to read to a customer: the type set as default for this kind of call first (the agent may pick
 * another), merge fields filled with the contact by the server. `empty` shows when no types are set.
 */
export function ScriptPanel({ contactId, kind, empty = null }: { contactId?: string; kind: CallTypeDefault; empty?: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const locale = currentLanguage();
  const types = useQuery({ queryKey: CALL_TYPES_KEY, queryFn: ({ signal }) => api.get<{ data: CallType[] }>('/calls/types', undefined, signal), staleTime: 60_000 });
  const [picked, setPicked] = useState<string | null>(null);
  const list = types.data?.data ?? [];
  const typeId = picked ?? defaultCallType(list, kind)?.id ?? null;
  const script = useQuery({
    queryKey: ['/calls/types', typeId, 'script', contactId, locale],
    queryFn: ({ signal }) => api.get<{ text: string }>(`/calls/types/${typeId}/script`, { ...(contactId ? { contactId } : {}), locale }, signal),
    enabled: typeId !== null,
  });
  if (list.length === 0) return <>{types.isPending ? null : empty}</>;
  return (
    <Flex vertical gap={6} data-testid="call-script">
      <Flex align="center" gap={8}>
        <FileTextOutlined style={{ color: token.colorPrimary }} />
        <Typography.Text type="secondary">{t('callScripts.inCall')}</Typography.Text>
        <Select
          size="small"
          style={{ flex: 1, minWidth: 0 }}
          value={typeId}
          onChange={setPicked}
          options={list.map((type) => ({ value: type.id, label: callTypeName(type, locale) }))}
          aria-label={t('callScripts.pickType')}
          data-testid="call-script-type"
        />
      </Flex>
      {script.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <Typography.Paragraph
          style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 180, overflowY: 'auto', background: token.colorFillTertiary, padding: '8px 10px', borderRadius: token.borderRadius }}
          data-testid="call-script-text"
        >
          {script.error ? script.error.message : script.data?.text || t('callScripts.noScript')}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
