import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Form, Input, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import type { Job } from '../../../app/types';
import { useCurrentSession } from '../../../app/useCurrentSession';
import { useFormat } from '../../../app/useFormat';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { JobProgress } from '../../../ui/JobProgress';
import { PageHeader } from '../../../ui/PageHeader';
import { timeZoneOptions } from '../../../ui/timeZones';
import { readFileBase64 } from '../../imports/readFileBase64';
import { useOrdersChanged } from './useOrders';

const COUNTS = ['invoices', 'ordersCreated', 'returnsCreated', 'ordersExisting', 'linesCreated', 'customersCreated', 'productsCreated', 'adjustmentRowsSkipped', 'rowsWithoutCustomer', 'problemCount'] as const;

/** /orders/import: a file of invoice lines (CSV, .csv.gz, XLSX) loaded in a background job, with its progress and what it made. */
export function OrderImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const changed = useOrdersChanged();
  const { workspace } = useCurrentSession();
  const [currency, setCurrency] = useState(workspace.defaultCurrency);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [jobId, setJobId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<{ jobId: string }>('/orders/import', { fileName: file.name, content: await readFileBase64(file), currency, timeZone }),
    onSuccess: (res) => setJobId(res.jobId),
  });
  const result = (job: Job) => {
    const r = job.result as Record<string, number> | null;
    if (!r) return null;
    return (
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }} data-testid="orders-import-result">
        {COUNTS.map((key) => (
          <Descriptions.Item key={key} label={t(`orders.import.counts.${key}`)}>
            {format.number(r[key] ?? 0)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  };

  return (
    <>
      <PageHeader title={t('orders.import.title')} subtitle={t('orders.import.subtitle')} extra={<Link to="/orders">{t('orders.import.back')}</Link>} />
      <Flex vertical gap={16} style={{ maxWidth: 760 }}>
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('orders.import.columns')}</Typography.Paragraph>
          <Form layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item label={t('orders.import.currency')}>
              <Input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} style={{ width: 80 }} data-testid="orders-import-currency" />
            </Form.Item>
            <Form.Item label={t('orders.import.timeZone')}>
              <Select showSearch value={timeZone} onChange={setTimeZone} options={timeZoneOptions()} style={{ width: 260 }} />
            </Form.Item>
          </Form>
          <Upload.Dragger
            accept=".csv,.gz,.xlsx,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={upload.isPending || Boolean(jobId)}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
            data-testid="orders-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('orders.import.choose')}</p>
          </Upload.Dragger>
          {upload.error && <ErrorAlert error={upload.error} />}
        </Card>
        {jobId && (
          <Card size="small" title={t('orders.import.progress')}>
            <JobProgress jobId={jobId} renderResult={result} onFinished={changed} />
          </Card>
        )}
      </Flex>
    </>
  );
}
