import { PhoneOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';
import { useFormat } from '../app/useFormat';

interface PhoneLinkProps {
  /** A stored E.164 number; nothing is rendered without one. */
  phone: string | null | undefined;
  /** Show a phone icon before the number. */
  icon?: boolean;
  /** One number per line (lists of numbers). */
  block?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * Click-to-call: a stored E.164 phone as a `tel:` link, shown in the workspace's national format when it
 * is of its country. The softphone or phone app registered for tel: links dials it; the PBX then reports
 * the call and it lands on the contact's timeline.
 */
export function PhoneLink({ phone, icon, block, style, 'data-testid': testId }: PhoneLinkProps) {
  const format = useFormat();
  if (!phone) return null;
  return (
    <a href={`tel:${phone}`} data-testid={testId} style={{ whiteSpace: 'nowrap', ...(block ? { display: 'block' } : {}), ...style }}>
      {icon && <PhoneOutlined />} {format.phone(phone)}
    </a>
  );
}
