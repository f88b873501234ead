import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { POOL_RECORD_TYPES } from '../../../../contracts/pools';
import { api } from '../../../app/api';
import { applyServerErrors } from '../../../app/formErrors';
import { roleOptions } from '../../settings/roleOptions';
import type { Pool } from './types';

type Values = Omit<Pool, 'id' | 'size'>;

/** Adds a pool or changes one: who may claim from it and its return rules (days empty: no such rule). */
export function PoolFormModal({ pool, open, onClose, onSaved }: { pool: Pool | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const teams = useQuery({ queryKey: ['/teams'], queryFn: ({ signal }) => api.get<{ data: { id: string; name: string }[] }>('/teams', undefined, signal), select: (r) => r.data, enabled: open });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...values, description: values.description?.trim() || null, followUpDays: values.followUpDays ?? null, convertDays: values.convertDays ?? null };
      if (!pool) return api.post<Pool>('/pools', body);
      const { recordType: _fixed, ...patch } = body;
      return api.patch<Pool>(`/pools/${pool.id}`, patch);
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      onSaved();
    },
    onError: (err) => {
      const text = applyServerErrors(form, err);
      if (text) message.error(text);
    },
  });
  const initial: Partial<Values> = pool ?? { recordType: 'account', roles: [], teamIds: [], warnDays: 3, cooldownDays: 0, position: 0, followUpDays: null, convertDays: null };
  const days = { min: 1, max: 3650, style: { width: '100%' }, placeholder: t('pools.settings.off') };
  return (
    <Modal
      open={open}
      title={t(pool ? 'pools.settings.edit' : 'pools.settings.add')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'pool-form-save' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('pools.settings.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('pools.settings.name') }) }]}>
              <Input maxLength={100} data-testid="pool-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recordType" label={t('pools.settings.recordType')}>
              <Select disabled={Boolean(pool)} options={POOL_RECORD_TYPES.map((type) => ({ value: type, label: t(`pools.recordTypes.${type}`) }))} data-testid="pool-form-type" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="roles" label={t('pools.settings.roles')} extra={t('pools.settings.rolesHint')}>
          <Select mode="multiple" allowClear options={roleOptions(t)} />
        </Form.Item>
        <Form.Item name="teamIds" label={t('pools.settings.teams')} extra={t('pools.settings.teamsHint')}>
          <Select mode="multiple" allowClear loading={teams.isPending} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="followUpDays" label={t('pools.settings.followUpDays')}>
              <InputNumber {...days} data-testid="pool-form-follow-up" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="convertDays" label={t('pools.settings.convertDays')}>
              <InputNumber {...days} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="warnDays" label={t('pools.settings.warnDays')}>
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="cooldownDays" label={t('pools.settings.cooldownDays')}>
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="position" label={t('pools.settings.position')}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
