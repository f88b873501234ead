import { useFormat } from '../app/useFormat';

/** A stored E.164 phone as a tel: link, in the workspace's national format when it is of its country. */
export function PhoneLink({ phone }: { phone: string | null }) {
  const format = useFormat();
  if (!phone) return null;
  return (
    <a href={`tel:${phone}`} style={{ whiteSpace: 'nowrap' }}>
      {format.phone(phone)}
    </a>
  );
}
