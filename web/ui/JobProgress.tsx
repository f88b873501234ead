import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { Job } from '../app/types';

interface JobProgressProps {
  jobId: string;
  /** What to show once the job succeeded (e.g. a download link). */
  renderResult?: (job: Job) => ReactNode;
  /** Called once when the job succeeded or failed. */
  onFinished?: (job: Job) => void;
}

const ACTIVE = new Set(['queued', 'running']);

/** Follows a background job (polling every 500 ms while it runs) and shows its progress bar. */
export function JobProgress({ jobId, renderResult, onFinished }: JobProgressProps) {
  const { t } = useTranslation();
  const { data: job, error } = useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${jobId}`, undefined, signal),
    refetchInterval: (query) => (!query.state.data || ACTIVE.has(query.state.data.state) ? 500 : false),
    refetchIntervalInBackground: true,
  });

  const reported = useRef(false);
  useEffect(() => {
    if (!job || ACTIVE.has(job.state) || reported.current) return;
    reported.current = true;
    onFinished?.(job);
  }, [job, onFinished]);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!job) return <Progress percent={0} status="active" />;

  const percent =
    job.state === 'succeeded' ? 100 : job.total ? Math.min(99, Math.floor((job.progress / job.total) * 100)) : 0;
  const status = job.state === 'failed' ? 'exception' : job.state === 'succeeded' ? 'success' : 'active';

  return (
    <div data-testid="job-progress" data-state={job.state}>
      <Progress percent={percent} status={status} />
      <Typography.Text type="secondary">
        {t(`jobs.state.${job.state}`)}
        {job.total ? ` · ${job.progress} / ${job.total}` : ''}
      </Typography.Text>
      {job.state === 'failed' && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={job.error ?? t('jobs.failed')} />
      )}
      {job.state === 'succeeded' && renderResult && <div style={{ marginTop: 8 }}>{renderResult(job)}</div>}
    </div>
  );
}
