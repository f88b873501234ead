import { Card, Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerName } from '../../../app/OwnerName';
import { useFormat } from '../../../app/useFormat';
import { PhoneLink } from '../../../ui/PhoneLink';
import { TagList } from '../../../ui/TagList';
import type { Lead } from './types';
import { useScoringRules } from './useLeads';

/** The lead's key facts and why it scores what it does (the scoring rules that matched). */
export function LeadFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rules = useScoringRules();
  const nameOf = new Map((rules.data ?? []).map((r) => [r.id, r.name]));
  const text = (value: string | null) => value || '—';
  return (
    <>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'company', label: t('fields.company'), children: text(lead.company) },
          { key: 'title', label: t('fields.title'), children: text(lead.title) },
          { key: 'email', label: t('fields.email'), children: lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : '—' },
          { key: 'phone', label: t('fields.phone'), children: lead.phone ? <PhoneLink phone={lead.phone} /> : '—' },
          { key: 'wechatId', label: t('fields.wechatId'), children: text(lead.wechatId) },
          { key: 'industry', label: t('fields.industry'), children: text(lead.industry) },
          { key: 'region', label: t('fields.region'), children: text(lead.region) },
          { key: 'source', label: t('fields.source'), children: text(lead.source) },
          { key: 'ownerId', label: t('fields.ownerId'), children: <OwnerName ownerId={lead.ownerId} /> },
          { key: 'createdAt', label: t('fields.createdAt'), children: format.dateTime(lead.createdAt) },
          { key: 'tags', label: t('fields.tags'), children: lead.tags.length ? <TagList tags={lead.tags} /> : '—' },
          ...(lead.disqualifyReason ? [{ key: 'reason', label: t('leads.fields.disqualifyReason'), children: t(`leads.reasons.${lead.disqualifyReason}`) }] : []),
        ]}
      />
      {lead.description && <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{lead.description}</Typography.Paragraph>}
      <Card size="small" title={t('leads.scoreReasons', { score: lead.score })} style={{ marginTop: 16 }} data-testid="lead-score-reasons">
        {lead.scoreReasons.length === 0 ? (
          <Typography.Text type="secondary">{t('leads.noScoreReasons')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={lead.scoreReasons}
            renderItem={(r) => (
              <List.Item extra={<Typography.Text strong>{r.points > 0 ? `+${r.points}` : r.points}</Typography.Text>}>
                {nameOf.get(r.ruleId) ?? t('leads.removedRule')}
                {r.times && r.times > 1 ? ` ×${r.times}` : ''}
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
