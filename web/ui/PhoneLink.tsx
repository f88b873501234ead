import { PhoneOutlined } from '@ant-design/icons';
import { use, type CSSProperties } from 'react';
import { useFormat } from '../app/useFormat';
import { DialerContext } from './dialer';

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
 * Click-to-call, the one place phone numbers are shown: a stored E.164 phone in the workspace's national
 * format when it is of its country. With a phone system connected (DialerContext) a click has the PBX ring
 * the member's phone and dial the number; otherwise it is a `tel:` link for the softphone or phone app.
 * Either way the PBX reports the call and it lands on the contact's timeline.
 */
export function PhoneLink({ phone, icon, block, style, 'data-testid': testId }: PhoneLinkProps) {
  const format = useFormat();
  const dialer = use(DialerContext);
  if (!phone) return null;
  return (
    <a
      href={`tel:${phone}`}
      onClick={
        dialer
          ? (e) => {
              e.preventDefault();
              dialer.dial(phone);
            }
          : undefined
      }
      data-testid={testId}
      data-dial={dialer ? 'pbx' : 'tel'}
      style={{ whiteSpace: 'nowrap', ...(block ? { display: 'block' } : {}), ...style }}
    >
      {icon && <PhoneOutlined />} {format.phone(phone)}
    </a>
  );
}
