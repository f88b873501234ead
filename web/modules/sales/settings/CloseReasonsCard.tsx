import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Input, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASON_KINDS, type CloseReasonKind } from '../../../../contracts/sales';
import { api } from '../../../app/api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { problemText } from '../PipelineBoard';
import { reasonName } from '../salesFormat';
import type { CloseReason } from '../types';
import { useCloseReasons, useSalesSettingsChanged } from '../useSales';

/** Why deals are won or lost: the workspace's reasons, each renamed in place or retired (kept on past deals). */
export function CloseReasonsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reasons = useCloseReasons(true);
  const changed = useSalesSettingsChanged();
  const [adding, setAdding] = useState<Record<CloseReasonKind, string>>({ won: '', lost: '' });
  const onError = (err: Error) => message.error(problemText(err));
  const create = useMutation({
    mutationFn: (body: { kind: CloseReasonKind; name: string }) => api.post<CloseReason>('/close-reasons', body),
    onSuccess: (_, body) => {
      setAdding((a) => ({ ...a, [body.kind]: '' }));
      changed();
    },
    onError,
  });
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { name?: string; active?: boolean } }) => api.patch<CloseReason>(`/close-reasons/${id}`, body),
    onSuccess: changed,
    onError,
  });
  const rename = (reason: CloseReason, text: string) => {
    const name = text.trim();
    if (name && name !== reasonName(reason, t)) patch.mutate({ id: reason.id, body: { name } });
  };

  return (
    <Card title={t('sales.settings.reasons')}>
      {reasons.error && <ErrorAlert error={reasons.error} onRetry={() => void reasons.refetch()} />}
      <Row gutter={[24, 16]}>
        {[...CLOSE_REASON_KINDS].reverse().map((kind) => (
          <Col key={kind} xs={24} md={12} data-testid={`reasons-${kind}`}>
            <Typography.Title level={5}>{t(`sales.settings.reasonKinds.${kind}`)}</Typography.Title>
            <Flex vertical gap={6}>
              {(reasons.data ?? [])
                .filter((r) => r.kind === kind)
                .map((reason) => (
                  <Flex key={`${reason.id}-${reason.name ?? ''}`} gap={8} align="center">
                    <Input
                      size="small"
                      defaultValue={reasonName(reason, t)}
                      maxLength={80}
                      disabled={!reason.active}
                      onBlur={(e) => rename(reason, e.target.value)}
                      onPressEnter={(e) => e.currentTarget.blur()}
                      aria-label={t('sales.settings.name')}
                    />
                    <Switch
                      size="small"
                      checked={reason.active}
                      onChange={(active) => patch.mutate({ id: reason.id, body: { active } })}
                      title={t(reason.active ? 'sales.settings.deactivate' : 'sales.settings.activate')}
                    />
                  </Flex>
                ))}
              <Space.Compact style={{ marginTop: 4 }}>
                <Input
                  size="small"
                  value={adding[kind]}
                  maxLength={80}
                  placeholder={t('sales.settings.newReason')}
                  onChange={(e) => setAdding((a) => ({ ...a, [kind]: e.target.value }))}
                  onPressEnter={() => adding[kind].trim() && create.mutate({ kind, name: adding[kind].trim() })}
                  data-testid={`reason-new-${kind}`}
                />
                <Button size="small" icon={<PlusOutlined />} disabled={!adding[kind].trim()} loading={create.isPending} onClick={() => create.mutate({ kind, name: adding[kind].trim() })}>
                  {t('sales.settings.addReason')}
                </Button>
              </Space.Compact>
            </Flex>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
