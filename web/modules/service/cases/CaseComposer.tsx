import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMessageKind } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { useInteractionsChanged } from '../../interactions/useTimeline';
import type { Case } from './types';

/** Writes to a case: a reply the customer gets (by e-mail on e-mail cases) or an internal note. */
export function CaseComposer({ data, onSent }: { data: Case; onSent: (next: Case) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const timelineChanged = useInteractionsChanged();
  const [kind, setKind] = useState<CaseMessageKind>(data.contactId ? 'reply' : 'note');
  const [body, setBody] = useState('');
  const [email, setEmail] = useState(data.channel === 'email');
  const send = useMutation({
    mutationFn: () => api.post<{ case: Case }>(`/cases/${data.id}/messages`, { kind, body, ...(kind === 'reply' ? { email } : {}) }),
    onSuccess: (result) => {
      message.success(t(kind === 'reply' ? 'cases.composer.replied' : 'cases.composer.noted'));
      setBody('');
      timelineChanged();
      onSent(result.case);
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="case-composer">
      <Flex vertical gap={8}>
        <Segmented<CaseMessageKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'reply', label: <span data-testid="case-composer-reply">{t('cases.composer.reply')}</span>, disabled: !data.contactId },
            { value: 'note', label: <span data-testid="case-composer-note">{t('cases.composer.note')}</span> },
          ]}
        />
        <Input.TextArea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={100000}
          placeholder={t(kind === 'reply' ? 'cases.composer.replyPlaceholder' : 'cases.composer.notePlaceholder')}
          data-testid="case-composer-body"
        />
        <Flex justify="space-between" align="center" wrap gap={8}>
          {kind === 'reply' ? (
            <Checkbox checked={email} onChange={(e) => setEmail(e.target.checked)} data-testid="case-composer-email">
              {t('cases.composer.byEmail')}
            </Checkbox>
          ) : (
            <span>{t('cases.composer.noteHint')}</span>
          )}
          <Button type="primary" disabled={!body.trim()} loading={send.isPending} onClick={() => send.mutate()} data-testid="case-composer-send">
            {t(kind === 'reply' ? 'cases.composer.sendReply' : 'cases.composer.addNote')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
