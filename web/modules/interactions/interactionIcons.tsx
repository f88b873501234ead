import { EnvironmentOutlined, FileTextOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { InteractionOutcome, InteractionType } from '../../../contracts/interactions';

/** The icon and colour of each interaction type, on the timeline and in the log form. */
export const TYPE_LOOK: Record<InteractionType, { icon: ReactNode; color: string }> = {
  call: { icon: <PhoneOutlined />, color: '#1677ff' },
  email: { icon: <MailOutlined />, color: '#722ed1' },
  meeting: { icon: <TeamOutlined />, color: '#fa8c16' },
  note: { icon: <FileTextOutlined />, color: '#d4a106' },
  message: { icon: <MessageOutlined />, color: '#52c41a' },
  visit: { icon: <EnvironmentOutlined />, color: '#13a8a8' },
};

/** Tag colours of outcomes: reached (green), not reached (orange), failed or called off (red), moved (blue). */
export const OUTCOME_COLORS: Record<InteractionOutcome, string> = {
  connected: 'green',
  completed: 'green',
  no_answer: 'orange',
  busy: 'orange',
  voicemail: 'orange',
  failed: 'red',
  cancelled: 'red',
  rescheduled: 'blue',
};
