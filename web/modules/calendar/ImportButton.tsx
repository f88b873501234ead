import { ImportOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useMeetingsChanged } from './useCalendar';

interface ImportResult {
  created: number;
  existing: number;
  skipped: { uid: string | null; summary: string | null; reason: string }[];
}

/** Imports an .ics file (an export of Google, Outlook or Apple calendar) as the member's meetings. */
export function ImportButton() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const changed = useMeetingsChanged();
  const run = useMutation({
    mutationFn: async (file: File) => api.post<ImportResult>('/calendar/import', { content: await file.text() }),
    onSuccess: (result) => {
      changed();
      const summary = t('calendar.import.done', { created: result.created, existing: result.existing });
      if (result.skipped.length === 0) {
        message.success(summary);
        return;
      }
      modal.info({
        title: summary,
        content: (
          <>
            <p>{t('calendar.import.skipped', { count: result.skipped.length })}</p>
            <ul data-testid="calendar-import-skipped">
              {result.skipped.slice(0, 20).map((s, i) => (
                <li key={i}>
                  {s.summary ?? s.uid ?? '—'}: {t(`calendar.import.reasons.${s.reason}`)}
                </li>
              ))}
            </ul>
          </>
        ),
      });
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Upload
      accept=".ics,text/calendar"
      showUploadList={false}
      beforeUpload={(file) => {
        run.mutate(file);
        return false;
      }}
    >
      <Button icon={<ImportOutlined />} loading={run.isPending} data-testid="calendar-import">
        {t('calendar.import.button')}
      </Button>
    </Upload>
  );
}
