import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, List, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentSession } from '../../app/useCurrentSession';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CURRENCIES } from './ProductFormModal';
import { useCatalogChanged } from './useCatalogChanged';

interface ImportResult {
  created: number;
  updated: number;
  failed: number;
  problems: { rowNo: number; field: string; message: string }[];
}

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** Imports products from a CSV or XLSX file in one go (a product file is small), then shows what happened row by row. */
export function ImportProductsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { workspace } = useCurrentSession();
  const changed = useCatalogChanged();
  const [currency, setCurrency] = useState(workspace.defaultCurrency);
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<ImportResult>('/products/import', { fileName: file.name, content: await toBase64(file), currency }),
    onSuccess: (result) => {
      changed();
      if (result.failed === 0) message.success(t('catalog.import.result', { created: result.created, updated: result.updated, failed: result.failed }));
    },
  });
  const result = upload.data;

  return (
    <Modal open={open} title={t('catalog.import.title')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} afterClose={() => upload.reset()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('catalog.import.text')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('catalog.import.currency')}>
          <Select value={currency} onChange={setCurrency} style={{ width: 120 }} options={[...new Set([workspace.defaultCurrency, ...CURRENCIES])].map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
        data-testid="products-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('catalog.import.choose')}</p>
      </Upload.Dragger>
      {upload.error && <ErrorAlert error={upload.error} />}
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type={result.failed ? 'warning' : 'success'}
          message={<span data-testid="products-import-result">{t('catalog.import.result', { created: result.created, updated: result.updated, failed: result.failed })}</span>}
          description={
            result.problems.length > 0 && (
              <List size="small" dataSource={result.problems} renderItem={(p) => <List.Item>{`${t('catalog.import.row', { rowNo: p.rowNo })}: ${p.message}`}</List.Item>} style={{ maxHeight: 240, overflowY: 'auto' }} />
            )
          }
        />
      )}
    </Modal>
  );
}
