import { DeleteOutlined, DownloadOutlined, PushpinOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useCurrentSession } from '../../app/useCurrentSession';
import type { Dashboard, Report } from './types';

export const DASHBOARDS_KEY = ['/dashboards'];

/** A saved report's files (CSV, Excel, the chart as an image), pinning it to a dashboard, and deleting it. */
export function ReportActions({ report, png }: { report: Report; png: () => string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentSession().user.id;
  const dashboards = useQuery({ queryKey: DASHBOARDS_KEY, queryFn: ({ signal }) => api.get<{ data: Dashboard[] }>('/dashboards', undefined, signal) });
  const mine = (dashboards.data?.data ?? []).filter((d) => d.ownerId === me);

  function savePng() {
    const url = png();
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${report.name}.png`;
    link.click();
  }
  async function pin(dashboard: Dashboard) {
    await api.post(`/dashboards/${dashboard.id}/tiles`, { reportId: report.id });
    await queryClient.invalidateQueries({ queryKey: DASHBOARDS_KEY });
    message.success(t('reports.pinned', { name: dashboard.name }));
  }

  return (
    <>
      <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${report.id}/export?format=csv`} data-testid="report-export-csv">
        {t('reports.exportCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${report.id}/export?format=xlsx`}>
        {t('reports.exportXlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={savePng} disabled={['table', 'pivot', 'figure'].includes(report.chart)}>
        {t('reports.exportPng')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: mine.length ? mine.map((d) => ({ key: d.id, label: <span data-testid={`pin-to-${d.name}`}>{d.name}</span>, onClick: () => void pin(d) })) : [{ key: 'none', disabled: true, label: t('reports.noDashboard') }],
        }}
      >
        <Button icon={<PushpinOutlined />} data-testid="report-pin">
          {t('reports.pin')}
        </Button>
      </Dropdown>
      <Popconfirm
        title={t('reports.deleteConfirm')}
        onConfirm={async () => {
          await api.delete(`/reports/${report.id}`);
          await queryClient.invalidateQueries({ queryKey: ['/reports'] });
          message.success(t('reports.deleted'));
          navigate('/reports');
        }}
      >
        <Button danger icon={<DeleteOutlined />} disabled={report.ownerId !== me}>
          {t('reports.delete')}
        </Button>
      </Popconfirm>
    </>
  );
}
