import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from './api';
import { recordPath } from './search/recordTypes';

interface RecordLinkProps {
  /** contact, account… (a type without a page shows as text). */
  recordType: string;
  id: string;
  /** The name when the caller has it; else the record's own (one cached request per record). */
  name?: string | null;
  testId?: string;
}

/**
 * A link to a record's page by its name. Fetches `/<type>s/{id}` under the key the record's page uses, so a
 * page opened from here starts with the record already loaded.
 */
export function RecordLink({ recordType, id, name, testId }: RecordLinkProps) {
  const path = recordPath(recordType, id);
  // The list route of the type: contact → /contacts, opportunity → /opportunities.
  const collection = `/${recordType.endsWith('y') ? `${recordType.slice(0, -1)}ie` : recordType}s`;
  const record = useQuery({
    queryKey: [collection, id],
    queryFn: ({ signal }) => api.get<{ name?: string; title?: string }>(`${collection}/${id}`, undefined, signal),
    enabled: !name && Boolean(path),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const shown = name ?? record.data?.name ?? record.data?.title ?? (record.isError ? id.slice(0, 8) : '…');
  if (!path) return <Typography.Text type="secondary">{shown}</Typography.Text>;
  return (
    <Link to={path} data-testid={testId}>
      {shown}
    </Link>
  );
}
