import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/useCan';
import { useFormat } from '../../app/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AdminOnlyNotice } from '../settings/AdminOnlyNotice';
import type { WebForm } from './formTypes';
import { useForms } from './useForms';

/** /forms: the workspace's web forms (admins and managers). */
export function FormsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const mayManage = useCan('forms.manage');
  const forms = useForms();
  if (!mayManage) return <AdminOnlyNotice />;
  const rows = forms.data?.data ?? [];
  const add = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/forms/new')} data-testid="form-new">
      {t('forms.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('forms.title')} extra={rows.length > 0 && add} />
      <Card>
        {forms.error && <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />}
        {!forms.isPending && !forms.error && rows.length === 0 ? (
          <EmptyState title={t('forms.title')} description={t('forms.empty')} action={add} testId="forms-empty" />
        ) : (
          <Table<WebForm>
            rowKey="id"
            loading={forms.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('forms.columns.name'), render: (_, f) => <Link to={`/forms/${f.id}`} data-testid="form-link"><FormOutlined /> {f.name}</Link> },
              { key: 'language', title: t('forms.columns.language'), render: (_, f) => t(`forms.languages.${f.language}`) },
              { key: 'active', title: t('forms.columns.active'), render: (_, f) => (f.active ? <Tag color="green">{t('forms.columns.active')}</Tag> : <Tag>—</Tag>) },
              { key: 'submissions', title: t('forms.columns.submissions'), dataIndex: 'submissions', align: 'right' },
              { key: 'spam', title: t('forms.columns.spam'), dataIndex: 'spam', align: 'right' },
              { key: 'createdAt', title: t('forms.columns.createdAt'), render: (_, f) => format.dateTime(f.createdAt) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
