import { CloudDownloadOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { Job } from '../../app/types';
import { JobProgress } from '../../ui/JobProgress';

/** Starts a backup of the workspace and offers its file when the job is done. */
export function BackupCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const start = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/workspace/backup'),
    onSuccess: (answer) => {
      setFinished(false);
      setJobId(answer.jobId);
    },
  });

  const renderResult = (job: Job) => {
    const url = typeof job.result?.downloadUrl === 'string' ? job.result.downloadUrl : null;
    return url ? (
      <Button type="primary" icon={<DownloadOutlined />} href={url} download data-testid="backup-download">
        {t('settings.backup.download')}
      </Button>
    ) : null;
  };

  return (
    <Card title={t('settings.backup.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('settings.backup.text')}
        </Typography.Paragraph>
        {start.error && <Alert type="error" showIcon title={start.error.message} />}
        {jobId && <JobProgress key={jobId} jobId={jobId} renderResult={renderResult} onFinished={() => setFinished(true)} />}
        <Button
          icon={<CloudDownloadOutlined />}
          onClick={() => start.mutate()}
          loading={start.isPending || (jobId !== null && !finished)}
          disabled={!editable}
          data-testid="backup-start"
        >
          {jobId ? t('settings.backup.again') : t('settings.backup.start')}
        </Button>
      </Space>
    </Card>
  );
}
