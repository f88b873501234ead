import { ScanOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import type { DuplicateGroup } from '../../../app/types';
import { useCan } from '../../../app/useCan';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { JobProgress } from '../../../ui/JobProgress';
import { PageHeader } from '../../../ui/PageHeader';
import { useContactsChanged } from '../useContactsChanged';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { MergeModal } from './MergeModal';

/** /contacts/duplicates: scan for duplicate contacts, then merge each group or mark it as not duplicates. */
export function Duplicates() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayDedupe = useCan('records.dedupe');
  const contactsChanged = useContactsChanged();
  const [jobId, setJobId] = useState<string | null>(null);
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const groups = useQuery({
    queryKey: ['/contacts', 'duplicate-groups'],
    queryFn: ({ signal }) => api.get<{ data: DuplicateGroup[] }>('/contacts/duplicate-groups', undefined, signal),
    enabled: mayDedupe,
  });
  const scan = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/contacts/duplicate-scan'),
    onSuccess: (res) => setJobId(res.jobId),
    onError: (err) => message.error(err.message),
  });
  const dismiss = useMutation({
    mutationFn: (id: string) => api.post(`/contacts/duplicate-groups/${id}/dismiss`),
    onSuccess: () => void groups.refetch(),
    onError: (err) => message.error(err.message),
  });
  const onScanned = useCallback(() => {
    void groups.refetch();
  }, [groups]);

  if (!mayDedupe) return <Result status="403" title={t('duplicates.restricted')} data-testid="duplicates-restricted" />;
  const rows = groups.data?.data ?? [];

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/contacts">{t('contacts.title')}</Link> }, { title: t('duplicates.title') }]} />
      <PageHeader
        title={t('duplicates.title')}
        subtitle={t('duplicates.subtitle')}
        extra={
          <Button type="primary" icon={<ScanOutlined />} loading={scan.isPending} onClick={() => scan.mutate()} data-testid="duplicates-scan">
            {t('duplicates.scan')}
          </Button>
        }
      />
      {jobId && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <JobProgress key={jobId} jobId={jobId} onFinished={onScanned} />
        </Card>
      )}
      {groups.error && <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {!groups.isPending && !groups.error && rows.length === 0 ? (
        <Card>
          <EmptyState title={t('duplicates.empty.title')} description={t('duplicates.empty.text')} testId="duplicates-empty" />
        </Card>
      ) : (
        rows.map((group) => (
          <DuplicateGroupCard
            key={group.id}
            group={group}
            onMerge={() => setMerging(group)}
            onDismiss={() => dismiss.mutate(group.id)}
            dismissing={dismiss.isPending && dismiss.variables === group.id}
          />
        ))
      )}
      {merging && (
        <MergeModal
          key={merging.id}
          group={merging}
          onClose={() => setMerging(null)}
          onMerged={(contact) => {
            setMerging(null);
            message.success(t('duplicates.merge.done', { name: contact.name }));
            contactsChanged();
          }}
        />
      )}
    </>
  );
}
