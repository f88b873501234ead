import { InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

interface ImportFileStepProps {
  file: File | null;
  onFile: (file: File | null) => void;
  onNext: () => void;
  uploading: boolean;
}

/** Step 1: choose a CSV or XLSX file. */
export function ImportFileStep({ file, onFile, onNext, uploading }: ImportFileStepProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={16}>
      <label
        style={{
          display: 'block',
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
          padding: 32,
          textAlign: 'center',
          cursor: 'pointer',
          background: token.colorFillAlter,
        }}
      >
        <InboxOutlined style={{ fontSize: 40, color: token.colorPrimary }} />
        <Typography.Paragraph style={{ margin: '8px 0 4px' }} strong>
          {file ? file.name : t('imports.wizard.choose')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('imports.wizard.chooseHint')}</Typography.Text>
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          style={{ display: 'none' }}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
      </label>
      <Flex justify="flex-end">
        <Button type="primary" disabled={!file} loading={uploading} onClick={onNext} data-testid="import-next">
          {t('imports.wizard.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
