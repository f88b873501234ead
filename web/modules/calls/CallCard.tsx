import { CloseOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentSession } from '../../app/useCurrentSession';
import { PhoneLink } from '../../ui/PhoneLink';
import { CallScript } from './CallScript';
import { formatDuration, secondsBetween, type ActiveCall, type CallContact } from './callState';
import { QuickCreateContact } from './QuickCreateContact';

const SERVICE_CONSOLE_ROLES = ['service', 'manager', 'admin'];

/** How long an ended call's card stays (paused while the pointer is on it). */
const CLOSE_AFTER_MS = 8000;

interface CallCardProps {
  call: ActiveCall;
  onClose: () => void;
  onCreated: (contact: CallContact) => void;
}

/** One call in the screen pop: the number, the matching contacts (or a quick-create form), the call's state, its script. */
export function CallCard({ call, onClose, onCreated }: CallCardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  // Service agents answer in the console (open cases, articles, scripts); everyone may open the contact.
  const servesCustomers = SERVICE_CONSOLE_ROLES.includes(useCurrentSession().membership.role);
  const [hovered, setHovered] = useState(false);
  const [now, setNow] = useState(() => new Date());

  // A running clock while the call is on.
  useEffect(() => {
    if (call.status !== 'answered') return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [call.status]);
  useEffect(() => {
    if (call.status !== 'ended' || hovered) return;
    const timer = setTimeout(onClose, CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [call.status, hovered, onClose]);

  const state =
    call.status === 'ringing' ? (
      <Tag color="processing">{t(call.direction === 'inbound' ? 'calls.ringing' : 'calls.dialing')}</Tag>
    ) : call.status === 'answered' ? (
      <Tag color="success">{t('calls.inCall', { duration: formatDuration(secondsBetween(call.answeredAt!, now)) })}</Tag>
    ) : call.answeredAt ? (
      <Tag>{t('calls.endedAfter', { duration: formatDuration(secondsBetween(call.answeredAt, call.endedAt!)) })}</Tag>
    ) : (
      <Tag color="warning">{t(call.direction === 'inbound' ? 'calls.missed' : 'calls.notAnswered')}</Tag>
    );

  return (
    <Card
      size="small"
      data-testid="call-card"
      data-call-id={call.callId}
      data-status={call.status}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      style={{ boxShadow: token.boxShadowSecondary, borderTop: `3px solid ${call.status === 'ended' ? token.colorBorder : token.colorPrimary}` }}
      title={
        <Flex align="center" gap={8}>
          <PhoneOutlined style={{ color: token.colorPrimary }} />
          {t(call.direction === 'inbound' ? 'calls.incoming' : 'calls.outgoing')}
        </Flex>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('calls.close')} onClick={onClose} data-testid="call-card-close" />}
    >
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: token.fontSizeHeading4 }} data-testid="call-number">
            {call.number ? <PhoneLink phone={call.number} /> : t('calls.unknownNumber')}
          </Typography.Text>
          {state}
        </Flex>
        {call.contacts.length > 0 ? (
          <Flex vertical gap={8}>
            {call.contacts.length > 1 && <Typography.Text type="secondary">{t('calls.severalMatches', { count: call.contacts.length })}</Typography.Text>}
            {call.contacts.map((contact, i) => (
              <Flex key={contact.id} justify="space-between" align="center" gap={8} data-testid="call-contact">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {contact.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
                    {[contact.title, contact.company].filter(Boolean).join(' · ') || '—'}
                  </Typography.Text>
                </div>
                <Flex gap={4}>
                  {servesCustomers && (
                    <Button size="small" onClick={() => navigate(`/service/console?contactId=${contact.id}`)} data-testid="call-open-console">
                      {t('calls.openConsole')}
                    </Button>
                  )}
                  <Button type={i === 0 ? 'primary' : 'default'} size="small" onClick={() => navigate(`/contacts/${contact.id}`)} data-testid="call-open-contact">
                    {t('calls.openContact')}
                  </Button>
                </Flex>
              </Flex>
            ))}
          </Flex>
        ) : (
          <QuickCreateContact phone={call.number} onCreated={onCreated} />
        )}
        {call.status !== 'ended' && <CallScript call={call} />}
        {call.status === 'ended' && call.contactId && (
          <Link to={`/contacts/${call.contactId}`} data-testid="call-logged-link">
            {t('calls.viewLogged')}
          </Link>
        )}
      </Flex>
    </Card>
  );
}
