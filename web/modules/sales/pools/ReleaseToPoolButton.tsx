import { RollbackOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PoolRecordType } from '../../../../contracts/pools';
import { api } from '../../../app/api';
import { problemText } from '../PipelineBoard';
import { usePools, usePoolsChanged } from './usePools';

interface ReleaseToPoolButtonProps {
  recordType: PoolRecordType;
  recordId: string;
  name: string;
}

/**
 * "Release to pool" on an account's or lead's page (for whoever may change it): asks why, and into which
 * pool when there are several; then the record is ownerless and the page goes to the pool.
 */
export function ReleaseToPoolButton({ recordType, recordId, name }: ReleaseToPoolButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; poolId?: string }>();
  const pools = usePools();
  const changed = usePoolsChanged();
  const choices = (pools.data ?? []).filter((p) => p.recordType === recordType);
  const release = useMutation({
    mutationFn: (values: { reason: string; poolId?: string }) => api.post<{ released: number; poolId: string | null }>('/pools/release', { recordType, recordIds: [recordId], ...values }),
    onSuccess: (result) => {
      message.success(t('pools.release.done'));
      setOpen(false);
      changed();
      void navigate(result.poolId ? `/pools?pool=${result.poolId}` : '/pools');
    },
    onError: (err) => message.error(problemText(err)),
  });
  return (
    <>
      <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="release-to-pool">
        {t('pools.release.button')}
      </Button>
      <Modal
        open={open}
        title={t('pools.release.title', { name })}
        okText={t('pools.release.ok')}
        okButtonProps={{ danger: true, loading: release.isPending, 'data-testid': 'release-confirm' } as ButtonProps}
        onOk={() => void form.validateFields().then((values) => release.mutate(values))}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('pools.release.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('pools.release.reason') }) }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('pools.release.reasonPlaceholder')} data-testid="release-reason" />
          </Form.Item>
          {choices.length > 1 && (
            <Form.Item name="poolId" label={t('pools.release.pool')}>
              <Select allowClear placeholder={t('pools.release.poolDefault')} options={choices.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
