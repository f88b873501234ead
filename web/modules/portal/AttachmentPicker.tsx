import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS, readAsBase64 } from './usePortal';

interface AttachmentPickerProps {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}

/**
 * Picks files to send with a request (kept in the form, sent base64 with it): refuses, by name, a file too big
 * or of a kind the server does not take, before anything is sent.
 */
export function AttachmentPicker({ value = [], onChange }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const size = ATTACHMENT_LIMITS.bytes / 1_048_576;
  return (
    <Upload
      multiple
      fileList={value}
      maxCount={ATTACHMENT_LIMITS.count}
      accept={ATTACHMENT_LIMITS.types.join(',')}
      beforeUpload={(file) => {
        if (!(ATTACHMENT_LIMITS.types as readonly string[]).includes(file.type)) {
          void message.error(t('portal.newCase.badType', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > ATTACHMENT_LIMITS.bytes) {
          void message.error(t('portal.newCase.tooLarge', { name: file.name, size }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange?.(fileList)}
      data-testid="portal-attachments"
    >
      {value.length < ATTACHMENT_LIMITS.count && <Button icon={<PaperClipOutlined />}>{t('portal.newCase.choose')}</Button>}
    </Upload>
  );
}

/** The picked files as the API takes them. */
export function uploadsOf(files: UploadFile[] | undefined) {
  return Promise.all((files ?? []).filter((f) => f.originFileObj).map(async (f) => ({ name: f.name, contentType: f.type ?? 'application/octet-stream', content: await readAsBase64(f.originFileObj!) })));
}
