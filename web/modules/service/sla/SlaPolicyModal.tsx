import { Checkbox, Form, Input, InputNumber, Modal, Select, Switch, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_CHANNELS, CASE_PRIORITIES, type CasePriority } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import { SLA_METRICS, type SlaMetric, type SlaPolicy, type SlaTargets } from './types';

type Targets = Record<CasePriority, SlaTargets>;
interface Values {
  name: string;
  active: boolean;
  position: number;
  priorities: CasePriority[];
  channels: string[];
  tiers: string[];
  businessHours: boolean;
  warnBeforeMinutes: number;
  escalation: SlaPolicy['escalation'];
  /** Hours per priority and metric, as people set them; stored in minutes. */
  hours: Record<CasePriority, Record<SlaMetric, number | null>>;
}

const DEFAULT_HOURS: Values['hours'] = {
  low: { first_response: 24, next_response: 48, resolution: 120 },
  normal: { first_response: 8, next_response: 24, resolution: 72 },
  high: { first_response: 4, next_response: 8, resolution: 24 },
  urgent: { first_response: 1, next_response: 2, resolution: 8 },
};

const toHours = (targets: Targets) =>
  Object.fromEntries(CASE_PRIORITIES.map((p) => [p, Object.fromEntries(SLA_METRICS.map((m) => [m, targets[p][m] === null ? null : targets[p][m]! / 60]))])) as Values['hours'];
const toMinutes = (hours: Values['hours']) =>
  Object.fromEntries(CASE_PRIORITIES.map((p) => [p, Object.fromEntries(SLA_METRICS.map((m) => [m, hours[p][m] === null || hours[p][m] === undefined ? null : Math.round(hours[p][m]! * 60)]))])) as Targets;

interface SlaPolicyModalProps {
  open: boolean;
  policy: SlaPolicy | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits an SLA policy: which cases, targets in hours per priority, business hours, warning and escalation. */
export function SlaPolicyModal({ open, policy, onClose, onSaved }: SlaPolicyModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (v: Values) => {
      const body = {
        name: v.name,
        active: v.active,
        position: v.position,
        conditions: { ...(v.priorities.length ? { priorities: v.priorities } : {}), ...(v.channels.length ? { channels: v.channels } : {}), ...(v.tiers.length ? { tiers: v.tiers } : {}) },
        targets: toMinutes(v.hours),
        businessHours: v.businessHours,
        warnBeforeMinutes: v.warnBeforeMinutes,
        escalation: v.escalation,
      };
      return policy ? api.patch<SlaPolicy>(`/sla-policies/${policy.id}`, body) : api.post<SlaPolicy>('/sla-policies', body);
    },
    () => onSaved(),
  );
  useEffect(() => {
    if (!open) return;
    reset();
    form.setFieldsValue(
      policy
        ? {
            name: policy.name,
            active: policy.active,
            position: policy.position,
            priorities: policy.conditions.priorities ?? [],
            channels: policy.conditions.channels ?? [],
            tiers: policy.conditions.tiers ?? [],
            businessHours: policy.businessHours,
            warnBeforeMinutes: policy.warnBeforeMinutes,
            escalation: policy.escalation,
            hours: toHours(policy.targets),
          }
        : { name: '', active: true, position: 0, priorities: [], channels: [], tiers: [], businessHours: true, warnBeforeMinutes: 30, escalation: { notifyAssignee: true, notifyManagers: true, raisePriority: false }, hours: DEFAULT_HOURS },
    );
  }, [open, policy, form, reset]);

  return (
    <Modal open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending} width={720} title={t(policy ? 'sla.policies.edit' : 'sla.policies.add')} okButtonProps={{ 'data-testid': 'sla-policy-save' }} destroyOnHidden>
      <FormAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('sla.policies.name')} rules={[{ required: true, whitespace: true, message: t('sla.policies.nameRequired') }]}>
          <Input maxLength={120} data-testid="sla-policy-name" />
        </Form.Item>
        <Form.Item label={t('sla.policies.targets')} extra={t('sla.policies.targetsHint')}>
          <Table
            size="small"
            pagination={false}
            rowKey="priority"
            dataSource={CASE_PRIORITIES.map((priority) => ({ priority }))}
            columns={[
              { key: 'priority', title: t('sla.policies.priority'), render: (_, row) => t(`sla.priorities.${row.priority}`) },
              ...SLA_METRICS.map((metric) => ({
                key: metric,
                title: t(`sla.metrics.${metric}`),
                render: (_: unknown, row: { priority: CasePriority }) => (
                  <Form.Item name={['hours', row.priority, metric]} noStyle>
                    <InputNumber<number> size="small" min={0.25} max={8760} step={0.5} suffix={t('sla.policies.hoursUnit')} placeholder={t('sla.policies.notTimed')} style={{ width: '100%' }} data-testid={`sla-target-${row.priority}-${metric}`} />
                  </Form.Item>
                ),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="priorities" label={t('sla.policies.priorities')} extra={t('sla.policies.anyHint')}>
          <Select mode="multiple" options={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`sla.priorities.${p}`) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('sla.policies.channels')} extra={t('sla.policies.anyHint')}>
          <Select mode="multiple" options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`sla.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="tiers" label={t('sla.policies.tiers')} extra={t('sla.policies.anyHint')}>
          <Select mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="businessHours" label={t('sla.policies.businessHours')} valuePropName="checked" extra={t('sla.policies.businessHoursHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="warnBeforeMinutes" label={t('sla.policies.warnBefore')}>
          <InputNumber<number> min={0} max={10080} precision={0} suffix={t('sla.policies.minutesUnit')} />
        </Form.Item>
        <Form.Item label={t('sla.policies.escalation')}>
          <Form.Item name={['escalation', 'notifyAssignee']} valuePropName="checked" noStyle>
            <Checkbox>{t('sla.policies.notifyAssignee')}</Checkbox>
          </Form.Item>
          <Form.Item name={['escalation', 'notifyManagers']} valuePropName="checked" noStyle>
            <Checkbox>{t('sla.policies.notifyManagers')}</Checkbox>
          </Form.Item>
          <Form.Item name={['escalation', 'raisePriority']} valuePropName="checked" noStyle>
            <Checkbox>{t('sla.policies.raisePriority')}</Checkbox>
          </Form.Item>
        </Form.Item>
        <Form.Item name="position" label={t('sla.policies.position')} extra={t('sla.policies.positionHint')}>
          <InputNumber<number> min={0} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('sla.policies.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
