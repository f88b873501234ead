import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteNumber, type QuoteStatus } from '../../../../contracts/quotes';
import { api } from '../../../app/api';
import { useFormat } from '../../../app/useFormat';
import { useSession } from '../../../app/useSession';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { QuoteEditor } from './QuoteEditor';
import { SendQuoteModal } from './SendQuoteModal';
import type { Quote, QuoteSummary } from './types';
import { pdfUrl, useDealQuotes, useQuote, useQuotesChanged } from './useQuotes';

const STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  approved: 'cyan',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'default',
  superseded: 'default',
};

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="quote-status">
      {t(`quotes.status.${status}`)}
    </Tag>
  );
}

/** The quotes of a deal: each quote number with its versions, the latest first, and what can be done next. */
export function QuotesPanel({ dealId, currency, mayEdit }: { dealId: string; currency: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const quotes = useDealQuotes(dealId);
  const changed = useQuotesChanged(dealId);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const editQuote = useQuote(editing && editing !== 'new' ? editing : null);
  const [sending, setSending] = useState<QuoteSummary | null>(null);

  // Versions grouped by quote number, the latest version first within each.
  const groups = new Map<number, QuoteSummary[]>();
  for (const q of quotes.data ?? []) groups.set(q.number, [...(groups.get(q.number) ?? []), q]);
  for (const versions of groups.values()) versions.sort((a, b) => b.version - a.version);

  const onSaved = (quote: Quote) => {
    setEditing(null);
    message.success(t('quotes.saved'));
    changed();
    if (editing === 'new') message.info(t('quotes.created', { number: quoteNumber(quote.number) }));
  };

  return (
    <Card
      size="small"
      title={t('quotes.title')}
      data-testid="quotes-panel"
      extra={
        mayEdit && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="quote-new">
            {t('quotes.new')}
          </Button>
        )
      }
    >
      {quotes.error && <ErrorAlert error={quotes.error} onRetry={() => void quotes.refetch()} />}
      {!quotes.isPending && groups.size === 0 && <EmptyState title={t('quotes.title')} description={t('quotes.empty')} testId="quotes-empty" />}
      <Flex vertical gap={12}>
        {[...groups.values()].map(([latest, ...older]) => (
          <div key={latest!.number} data-testid="quote" data-quote-number={quoteNumber(latest!.number)}>
            <QuoteRow quote={latest!} currency={currency} mayEdit={mayEdit} onEdit={() => setEditing(latest!.id)} onSend={() => setSending(latest!)} onChanged={changed} />
            {older.length > 0 && (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'versions',
                    label: `${t('quotes.versions')} (${older.length})`,
                    children: older.map((q) => (
                      <Flex key={q.id} gap={8} align="center" wrap data-testid="quote-version">
                        <Typography.Text>{t('quotes.version', { version: q.version })}</Typography.Text>
                        <QuoteStatusTag status={q.status} />
                        <Typography.Text type="secondary">{format.money(q.total, q.currency)}</Typography.Text>
                        <Button size="small" type="link" icon={<DownloadOutlined />} href={pdfUrl(q.id)}>
                          PDF
                        </Button>
                      </Flex>
                    )),
                  },
                ]}
              />
            )}
          </div>
        ))}
      </Flex>
      <QuoteEditor
        dealId={dealId}
        currency={currency}
        quote={editing === 'new' ? null : (editQuote.data ?? null)}
        open={editing === 'new' || (editing !== null && editQuote.data !== undefined)}
        onClose={() => setEditing(null)}
        onSaved={onSaved}
      />
      <SendQuoteModal
        quote={sending}
        onClose={() => setSending(null)}
        onSent={() => {
          setSending(null);
          message.success(t('quotes.sent'));
          changed();
        }}
      />
    </Card>
  );
}

interface QuoteRowProps {
  quote: QuoteSummary;
  currency: string;
  mayEdit: boolean;
  onEdit: () => void;
  onSend: () => void;
  onChanged: () => void;
}

/** The latest version of a quote: its figures, approval state and the next steps open to the caller. */
function QuoteRow({ quote, mayEdit, onEdit, onSend, onChanged }: QuoteRowProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const session = useSession();
  const full = useQuote(quote.id);
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object; done: string }) => api.post<Quote>(`/quotes/${quote.id}/${path}`, body ?? {}),
    onSuccess: (_result, { done }) => {
      message.success(done);
      setComment('');
      onChanged();
    },
    onError: (err) => message.error(err.message),
  });
  const me = session.data?.user.id;
  const role = session.data?.membership.role;
  const mayApprove = quote.status === 'pending_approval' && (role === 'admin' || (role === 'manager' && quote.approvalRequestedBy !== me));
  const editable = mayEdit && ['draft', 'pending_approval', 'approved'].includes(quote.status);
  const needsApproval = full.data?.needsApproval ?? false;

  return (
    <div style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, padding: 12 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text strong data-testid="quote-number">
            {quoteNumber(quote.number)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('quotes.version', { version: quote.version })}</Typography.Text>
          <QuoteStatusTag status={quote.status} />
        </Space>
        <Typography.Text strong data-testid="quote-row-total">
          {format.money(quote.total, quote.currency)}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('quotes.fields.validUntil')}: {format.day(quote.validUntil)} · {t('quotes.effectiveDiscount', { percent: Number(quote.effectiveDiscountPercent) })}
      </Typography.Text>
      {quote.approvalDecision && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('quotes.approvalBy', { decision: t(`quotes.decision.${quote.approvalDecision}`), comment: quote.approvalComment ?? '' })}
        </Typography.Text>
      )}
      {mayApprove && (
        <Input.TextArea rows={2} style={{ marginTop: 8 }} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('quotes.comment')} data-testid="quote-approval-comment" />
      )}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Button size="small" icon={<DownloadOutlined />} href={pdfUrl(quote.id)} data-testid="quote-pdf">
          {t('quotes.downloadPdf')}
        </Button>
        {editable && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="quote-edit">
            {t('common.edit')}
          </Button>
        )}
        {mayEdit && quote.status === 'draft' && needsApproval && (
          <Button size="small" loading={act.isPending} onClick={() => act.mutate({ path: 'request-approval', done: t('quotes.approvalRequested') })} data-testid="quote-request-approval">
            {t('quotes.requestApproval')}
          </Button>
        )}
        {mayApprove && (
          <>
            <Button size="small" type="primary" loading={act.isPending} onClick={() => act.mutate({ path: 'approval', body: { decision: 'approved', comment: comment || null }, done: t('quotes.approvedMessage') })} data-testid="quote-approve">
              {t('quotes.approve')}
            </Button>
            <Button size="small" danger loading={act.isPending} onClick={() => act.mutate({ path: 'approval', body: { decision: 'rejected', comment: comment || null }, done: t('quotes.rejectedMessage') })} data-testid="quote-reject">
              {t('quotes.reject')}
            </Button>
          </>
        )}
        {mayEdit && (quote.status === 'approved' || (quote.status === 'draft' && !needsApproval && !full.isPending)) && (
          <Button size="small" type="primary" onClick={onSend} data-testid="quote-send">
            {t('quotes.send')}
          </Button>
        )}
        {mayEdit && quote.status === 'sent' && (
          <>
            <Popconfirm title={t('quotes.markAccepted')} onConfirm={() => act.mutate({ path: 'outcome', body: { outcome: 'accepted' }, done: t('quotes.accepted') })}>
              <Button size="small" type="primary" data-testid="quote-accept">
                {t('quotes.markAccepted')}
              </Button>
            </Popconfirm>
            <Button size="small" onClick={() => act.mutate({ path: 'outcome', body: { outcome: 'rejected' }, done: t('quotes.rejected') })} data-testid="quote-mark-rejected">
              {t('quotes.markRejected')}
            </Button>
          </>
        )}
        {mayEdit && !['draft', 'accepted'].includes(quote.status) && (
          <Button size="small" onClick={() => act.mutate({ path: 'revise', done: t('quotes.revised', { version: quote.version + 1 }) })} data-testid="quote-revise">
            {t('quotes.revise')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
