import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { api } from './api';
import type { Page } from './types';

interface Named {
  id: string;
  name: string;
}

interface RecordSelectProps {
  /** The list route to search by name: `/accounts`, `/contacts`. */
  path: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Ids not to offer (the record itself, records already linked). */
  exclude?: string[];
  /** A second line of an option (the company of a contact). */
  describe?: (record: Named & Record<string, unknown>) => string | null | undefined;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** Picks one record of a list route, searched by name on the server as one types (a Form control). */
export function RecordSelect({ path, value, onChange, exclude = [], describe, placeholder, testId, style }: RecordSelectProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const hits = useQuery({
    queryKey: [path, 'pick', q],
    queryFn: ({ signal }) =>
      api.get<Page<Named & Record<string, unknown>>>(path, { limit: 20, sort: 'name', filter: q ? [`name:contains:${q}`] : [] }, signal),
  });
  // The chosen record's name, when it is not among the hits (an edit form opening).
  const chosen = useQuery({
    queryKey: [path, value],
    queryFn: ({ signal }) => api.get<Named>(`${path}/${value}`, undefined, signal),
    enabled: Boolean(value) && !hits.data?.data.some((r) => r.id === value),
  });
  const records = (hits.data?.data ?? []).filter((r) => !exclude.includes(r.id));
  if (value && chosen.data && !records.some((r) => r.id === value)) records.unshift(chosen.data as Named & Record<string, unknown>);

  return (
    <Select
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={hits.isFetching}
      placeholder={placeholder}
      data-testid={testId}
      style={style}
      options={records.map((r) => {
        const extra = describe?.(r);
        return { value: r.id, label: extra ? `${r.name} · ${extra}` : r.name };
      })}
    />
  );
}
