import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Flex, Steps, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import type { ImportSession } from '../../app/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportResult } from './ImportResult';
import { readFileBase64 } from './readFileBase64';

type Step = 'file' | 'mapping' | 'start' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'start', 'done'];

/** /contacts/import, /accounts/import: upload a CSV/XLSX file, map its columns, run the import, see the outcome. */
export function ImportWizard({ objectType }: { objectType: 'contacts' | 'accounts' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [session, setSession] = useState<ImportSession | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const listPath = `/${objectType}`;

  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      api.post<ImportSession>('/imports', { objectType, fileName: chosen.name, content: await readFileBase64(chosen) }),
    onSuccess: (created) => {
      setSession(created);
      setStep('mapping');
    },
  });
  const patch = useMutation({
    mutationFn: (body: { mapping?: (string | null)[]; duplicatePolicy?: string }) => api.patch<ImportSession>(`/imports/${session!.id}`, body),
    onSuccess: setSession,
    onError: (err) => message.error(err.message),
  });
  const start = useMutation({
    mutationFn: () => api.post<{ jobId: string }>(`/imports/${session!.id}/start`),
    onSuccess: (res) => setJobId(res.jobId),
    onError: (err) => message.error(err.message),
  });
  const onFinished = useCallback(() => {
    void api.get<ImportSession>(`/imports/${session!.id}`).then((done) => {
      setSession(done);
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: [listPath] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      void queryClient.invalidateQueries({ queryKey: ['search'] });
    });
  }, [session, listPath, queryClient]);

  const again = () => {
    setFile(null);
    setSession(null);
    setJobId(null);
    upload.reset();
    start.reset();
    setStep('file');
  };

  let body;
  if (step === 'file' || !session) {
    body = (
      <>
        {upload.error && <ErrorAlert error={upload.error} />}
        <ImportFileStep file={file} onFile={setFile} uploading={upload.isPending} onNext={() => file && upload.mutate(file)} />
      </>
    );
  } else if (step === 'mapping') {
    body = <ImportMappingStep session={session} onChange={(p) => patch.mutate(p)} saving={patch.isPending} onBack={again} onNext={() => setStep('start')} />;
  } else if (step === 'start') {
    const mapped = session.mapping.filter(Boolean).length;
    body = (
      <Flex vertical gap={16}>
        <Typography.Paragraph>
          {t('imports.wizard.summary', { rows: session.totalRows, columns: mapped, file: session.fileName })}{' '}
          {t(`imports.policy.${session.duplicatePolicy}`)}
        </Typography.Paragraph>
        {jobId ? (
          <div data-testid="import-progress">
            <JobProgress jobId={jobId} onFinished={onFinished} />
          </div>
        ) : (
          <Flex justify="space-between">
            <Button onClick={() => setStep('mapping')}>{t('imports.wizard.back')}</Button>
            <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="import-start">
              {t('imports.wizard.start')}
            </Button>
          </Flex>
        )}
      </Flex>
    );
  } else {
    body = <ImportResult session={session} listPath={listPath} onAgain={again} />;
  }

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={listPath}>{t(`${objectType}.title`)}</Link> }, { title: t('imports.open') }]}
      />
      <PageHeader title={t(`imports.title.${objectType}`)} subtitle={t('imports.subtitle')} />
      <Card>
        <Steps
          current={STEPS.indexOf(step)}
          style={{ marginBottom: 24 }}
          items={STEPS.map((s) => ({ title: t(`imports.steps.${s}`) }))}
        />
        {body}
      </Card>
    </>
  );
}
