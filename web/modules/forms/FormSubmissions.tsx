import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../app/RecordLink';
import { useFormat } from '../../app/useFormat';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { FormSubmission, WebForm } from './formTypes';
import { useSubmissions } from './useForms';

/** A form's submissions, newest first: when, the answers by label, the contact, spam flagged. */
export function FormSubmissions({ form }: { form: WebForm }) {
  const { t } = useTranslation();
  const format = useFormat();
  const submissions = useSubmissions(form.id);
  const labelOf = (key: string) => form.fields.find((f) => f.key === key)?.label ?? key;
  const show = (value: string | boolean | string[]) => (typeof value === 'boolean' ? t(value ? 'forms.submissions.yes' : 'forms.submissions.no') : Array.isArray(value) ? value.join(', ') : value);
  if (submissions.error) return <ErrorAlert error={submissions.error} onRetry={() => void submissions.refetch()} />;
  return (
    <Table<FormSubmission>
      rowKey="id"
      data-testid="form-submissions"
      loading={submissions.isPending}
      dataSource={submissions.data?.data ?? []}
      pagination={false}
      locale={{ emptyText: t('forms.submissions.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'time', title: t('forms.submissions.time'), render: (_, s) => format.dateTime(s.createdAt) },
        {
          key: 'values',
          title: t('forms.submissions.values'),
          render: (_, s) => (
            <Typography.Text style={{ whiteSpace: 'pre-line' }}>
              {Object.entries(s.values)
                .map(([key, value]) => `${labelOf(key)}: ${show(value)}`)
                .join('\n')}
            </Typography.Text>
          ),
        },
        {
          key: 'contact',
          title: t('forms.submissions.contact'),
          render: (_, s) =>
            s.contactId ? (
              <span>
                <RecordLink recordType="contact" id={s.contactId} testId="form-submission-contact" /> <Tag>{t(`forms.submissions.${s.contactAction ?? 'matched'}`)}</Tag>
              </span>
            ) : (
              <Typography.Text type="secondary">{t('forms.submissions.none')}</Typography.Text>
            ),
        },
        { key: 'spam', title: t('forms.submissions.spam'), render: (_, s) => s.spam && <Tag color="red">{t('forms.submissions.isSpam')}</Tag> },
      ]}
    />
  );
}
