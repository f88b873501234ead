import { ArrowDownOutlined, ArrowUpOutlined, ClockCircleOutlined, DeleteOutlined, EditOutlined, EnvironmentOutlined, MoreOutlined, PaperClipOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionDirection } from '../../../contracts/interactions';
import { OwnerName } from '../../app/OwnerName';
import { RecordLink } from '../../app/RecordLink';
import type { Interaction } from '../../app/types';
import { useFormat } from '../../app/useFormat';
import { useMayActOn } from '../../app/useMayActOn';
import { FoldedText } from '../../ui/FoldedText';
import { OUTCOME_COLORS, TYPE_LOOK } from './interactionIcons';
import { DEFAULT_CHANNEL, contactParticipants, durationParts } from './interactionKinds';
import type { TimelineAction } from './useTimeline';

const DIRECTION_ICONS: Record<InteractionDirection, React.ReactNode> = {
  inbound: <ArrowDownOutlined />,
  outbound: <ArrowUpOutlined />,
  internal: <SwapOutlined />,
};

/** One interaction on a timeline: what, which way, when, how long, how it went, what was said, who took part. */
interface TimelineItemProps {
  item: Interaction;
  /** The last of the timeline: no line down to a next one. */
  last: boolean;
  onAction: (action: TimelineAction, item: Interaction) => void;
}

/** The days of an all-day meeting: its first, and its last when that is another (the end is the midnight after it). */
function allDaySpan(format: ReturnType<typeof useFormat>, start: string, end: string): string {
  const first = format.date(start);
  const last = format.date(new Date(Date.parse(end) - 1));
  return first === last ? first : `${first} – ${last}`;
}

export const TimelineItem = memo(function TimelineItem({ item, last, onAction }: TimelineItemProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormat();
  const mayUpdate = useMayActOn('update', item.ownerId);
  const mayDelete = useMayActOn('delete', item.ownerId);
  const look = TYPE_LOOK[item.type];
  const actions = [
    mayUpdate && { key: 'edit' as const, icon: <EditOutlined />, label: t('common.edit') },
    mayDelete && { key: 'delete' as const, icon: <DeleteOutlined />, label: t('common.delete'), danger: true },
  ].filter((a) => a !== false);
  const contacts = contactParticipants(item.participants);
  const others = item.participants.filter((p) => p.kind === 'address' && (p.name || p.address));
  const typeLabel = t(`timeline.types.${item.type}`);
  // Type, direction, the channel when it is not the type's usual one, the duration: "Call · ↑ Outgoing call · 12 min".
  const meta = [
    item.subject && <span key="type">{typeLabel}</span>,
    item.direction && (
      <span key="direction">
        {DIRECTION_ICONS[item.direction]} {t([`timeline.directionsOf.${item.type}.${item.direction}`, `timeline.directions.${item.direction}`])}
      </span>
    ),
    item.channel !== DEFAULT_CHANNEL[item.type] && <span key="channel">{t(`timeline.channels.${item.channel}`)}</span>,
    item.durationSeconds !== null && item.durationSeconds > 0 && (
      <span key="duration" data-testid="timeline-duration">
        <ClockCircleOutlined /> {durationParts(item.durationSeconds).map((p) => t(`timeline.duration.${p.unit}`, { count: p.count })).join(' ')}
      </span>
    ),
    // A meeting: when it runs (the day or the times) and where.
    item.endsAt && (
      <span key="span" data-testid="timeline-span">
        <ClockCircleOutlined /> {item.allDay ? allDaySpan(format, item.occurredAt, item.endsAt) : `${format.dateTime(item.occurredAt)} – ${format.dateTime(item.endsAt)}`}
      </span>
    ),
    item.location && (
      <span key="location" data-testid="timeline-location">
        <EnvironmentOutlined /> {item.location}
      </span>
    ),
  ].filter(Boolean);

  return (
    <Flex gap={12} data-testid="timeline-item" data-type={item.type}>
      <Flex vertical align="center" style={{ flex: 'none', width: 32 }}>
        <Tooltip title={typeLabel}>
          <span
            aria-label={typeLabel}
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 32,
              height: 32,
              borderRadius: '50%',
              color: look.color,
              background: `${look.color}1a`,
              fontSize: 15,
            }}
          >
            {look.icon}
          </span>
        </Tooltip>
        {!last && <div style={{ flex: 1, width: 2, marginTop: 4, background: token.colorBorderSecondary }} />}
      </Flex>
      <div style={{ flex: 1, minWidth: 0, paddingBottom: last ? 0 : 20 }}>
        <Flex justify="space-between" gap={12} align="baseline">
          <Typography.Text strong style={{ minWidth: 0 }} ellipsis data-testid="timeline-subject">
            {item.subject ?? typeLabel}
          </Typography.Text>
          <Flex align="center" gap={4} style={{ flex: 'none' }}>
            <Tooltip title={format.dateTime(item.occurredAt)}>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                <time dateTime={item.occurredAt}>{format.relative(item.occurredAt)}</time>
              </Typography.Text>
            </Tooltip>
            {actions.length > 0 && (
              <Dropdown trigger={['click']} menu={{ items: actions, onClick: ({ key }) => onAction(key as TimelineAction, item) }}>
                <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="timeline-item-actions" />
              </Dropdown>
            )}
          </Flex>
        </Flex>
        <Flex wrap gap="2px 6px" align="center" style={{ fontSize: 12, color: token.colorTextSecondary, marginTop: 2 }}>
          {meta.map((part, i) => [i > 0 && <span key={`dot${i}`}>·</span>, part])}
          {item.outcome && (
            <Tag color={OUTCOME_COLORS[item.outcome]} style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="timeline-outcome">
              {t(`timeline.outcomes.${item.outcome}`)}
            </Tag>
          )}
        </Flex>
        {item.body && (
          <FoldedText
            text={item.body}
            moreLabel={t('timeline.more')}
            lessLabel={t('timeline.less')}
            style={{ margin: '8px 0 0', padding: '8px 12px', background: token.colorFillQuaternary, borderRadius: token.borderRadius }}
            testId="timeline-body"
          />
        )}
        {item.attachments.length > 0 && (
          <Flex wrap gap={8} style={{ marginTop: 6, fontSize: 12 }}>
            {item.attachments.map((a, i) =>
              a.fileId ? (
                <a key={i} href={`/api/v1/files/${a.fileId}`} download={a.name} data-testid="timeline-attachment">
                  <PaperClipOutlined /> {a.name}
                </a>
              ) : (
                <Typography.Text key={i} type="secondary">
                  <PaperClipOutlined /> {a.name}
                </Typography.Text>
              ),
            )}
          </Flex>
        )}
        <Flex wrap gap="4px 16px" align="center" style={{ marginTop: 8, fontSize: 12 }}>
          {(contacts.length > 0 || others.length > 0) && (
            <Flex wrap gap="2px 8px" align="center" data-testid="timeline-participants">
              <UserOutlined style={{ color: token.colorTextTertiary }} />
              {contacts.map((p) => (
                <RecordLink key={p.id} recordType="contact" id={p.id!} name={p.name} testId="participant-link" />
              ))}
              {others.map((p, i) => (
                <Typography.Text key={`a${i}`} type="secondary">
                  {p.name ?? p.address}
                </Typography.Text>
              ))}
            </Flex>
          )}
          {item.ownerId && (
            <Flex gap={4} align="center" style={{ color: token.colorTextSecondary }}>
              {t('timeline.loggedBy')} <OwnerName ownerId={item.ownerId} size={16} />
            </Flex>
          )}
        </Flex>
      </div>
    </Flex>
  );
});
