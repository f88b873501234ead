import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { OwnerName } from '../../app/OwnerName';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { REPORTS_KEY } from './ReportBuilderPage';
import type { Report } from './types';

/** The caller's reports and the shared ones. */
export function ReportsPage() {
  const { t } = useTranslation();
  const reports = useQuery({ queryKey: REPORTS_KEY, queryFn: ({ signal }) => api.get<{ data: Report[] }>('/reports', undefined, signal) });
  const newButton = (
    <Link to="/reports/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="reports-new">
        {t('reports.new')}
      </Button>
    </Link>
  );
  return (
    <>
      <PageHeader title={t('reports.title')} extra={newButton} />
      <Card size="small">
        {reports.error ? (
          <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.data?.data.length === 0 ? (
          <EmptyState title={t('reports.title')} description={t('reports.empty')} action={newButton} testId="reports-empty" />
        ) : (
          <Table<Report>
            size="small"
            rowKey="id"
            loading={reports.isPending}
            pagination={false}
            dataSource={reports.data?.data}
            columns={[
              { title: t('reports.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/reports/${r.id}`}>{name}</Link> },
              { title: t('reports.object'), key: 'object', render: (_, r) => t(`reports.objects.${r.definition.objectType}`, { defaultValue: r.definition.objectType }) },
              { title: t('reports.chart'), dataIndex: 'chart', render: (c: string) => t(`reports.charts.${c}`) },
              { title: t('reports.owner'), dataIndex: 'ownerId', render: (id: string) => <OwnerName ownerId={id} /> },
              { title: '', key: 'tags', render: (_, r) => <>{r.shared ? <Tag color="blue">{t('reports.sharedTag')}</Tag> : <Tag>{t('reports.personal')}</Tag>}{r.schedule && <Tag color="green">{t(`reports.frequencies.${r.schedule.frequency}`)}</Tag>}</> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
