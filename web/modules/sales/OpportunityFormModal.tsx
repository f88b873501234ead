import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES } from '../../../contracts/sales';
import { api } from '../../app/api';
import { OwnerSelect } from '../../app/OwnerSelect';
import { canAssignOwners } from '../../app/permissions';
import { RecordSelect } from '../../app/RecordSelect';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { MoneyField } from '../../ui/MoneyField';
import { CustomFieldItems } from './CustomFieldItems';
import { changedFields, createBody, opportunityToValues, type OpportunityValues } from './opportunityValues';
import { pipelineName, stageName } from './salesFormat';
import type { Opportunity, Pipeline } from './types';
import { usePipelines } from './useSales';

interface OpportunityFormModalProps {
  open: boolean;
  /** The deal to change; without it the form creates one. */
  deal?: Opportunity;
  /** A new deal's pipeline (the one on screen); else the default. */
  pipelineId?: string;
  /** A new deal's account or contact (created from their page). */
  accountId?: string;
  contactId?: string;
  onClose: () => void;
  onSaved: (deal: Opportunity) => void;
}

/** The first stage a deal can be put in: open (closing asks why, on the board or the deal's page). */
const firstOpen = (pipeline: Pipeline | undefined) => pipeline?.stages.find((s) => s.kind === 'open');

/** Create or change an opportunity: one form for both; moving to won or lost is done on the board or the stage path. */
export function OpportunityFormModal({ open, deal, pipelineId, accountId, contactId, onClose, onSaved }: OpportunityFormModalProps) {
  const { t } = useTranslation();
  const { user, workspace, membership } = useCurrentSession();
  const [form] = Form.useForm<OpportunityValues>();
  const pipelines = usePipelines();
  const all = pipelines.data ?? [];
  const watchedPipeline = Form.useWatch('pipelineId', form);
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: OpportunityValues) => {
      if (!deal) return api.post<Opportunity>('/opportunities', createBody(values, workspace.defaultCurrency ?? 'CNY'));
      const patch = changedFields(deal, values);
      return Object.keys(patch).length ? api.patch<Opportunity>(`/opportunities/${deal.id}`, patch) : Promise.resolve(deal);
    },
    onSaved,
  );

  const startPipeline = all.find((p) => p.id === pipelineId) ?? all.find((p) => p.isDefault) ?? all[0];
  const startStage = firstOpen(startPipeline);
  // With one pipeline its field is not shown (nor watched): the deal's or the start one.
  const chosenPipeline = all.find((p) => p.id === (watchedPipeline ?? deal?.pipelineId ?? startPipeline?.id));
  const startValues: Partial<OpportunityValues> = deal
    ? opportunityToValues(deal)
    : {
        pipelineId: startPipeline?.id,
        stageId: startStage?.id,
        probability: startStage?.probability,
        forecastCategory: startStage?.forecastCategory,
        currency: workspace.defaultCurrency ?? 'CNY',
        closeDate: dayjs().add(30, 'day').format('YYYY-MM-DD'),
        ownerId: user.id,
        accountId: accountId ?? null,
        contactId: contactId ?? null,
        competitors: [],
      };
  const stageOptions = (chosenPipeline?.stages ?? [])
    .filter((s) => s.kind === 'open' || s.id === deal?.stageId)
    .map((s) => ({ value: s.id, label: `${stageName(s, t)} · ${s.probability}%` }));

  const onPipeline = (id: string) => {
    const stage = firstOpen(all.find((p) => p.id === id));
    form.setFieldsValue({ stageId: stage?.id, probability: stage?.probability, forecastCategory: stage?.forecastCategory });
  };
  const onStage = (id: string) => {
    const stage = chosenPipeline?.stages.find((s) => s.id === id);
    if (stage) form.setFieldsValue({ probability: stage.probability, forecastCategory: stage.forecastCategory });
  };

  return (
    <Modal
      open={open}
      width={760}
      title={deal ? t('sales.edit') : t('sales.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, disabled: pipelines.isPending, 'data-testid': 'opportunity-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      {!pipelines.isPending && (
        <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={startValues}>
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="name" label={t('sales.fields.name')} rules={[{ required: true, whitespace: true }]}>
                <Input name="name" autoFocus maxLength={200} data-testid="opportunity-name" placeholder={t('sales.form.namePlaceholder')} />
              </Form.Item>
            </Col>
            {all.length > 1 && (
              <Col xs={24} md={12}>
                <Form.Item name="pipelineId" label={t('sales.fields.pipelineId')}>
                  <Select onChange={onPipeline} options={all.map((p) => ({ value: p.id, label: pipelineName(p, t) }))} data-testid="opportunity-pipeline" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={all.length > 1 ? 12 : 24}>
              <Form.Item name="stageId" label={t('sales.fields.stageId')}>
                <Select onChange={onStage} options={stageOptions} data-testid="opportunity-stage" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <MoneyField label={t('sales.fields.amount')} amountName="amount" fallbackCurrency={workspace.defaultCurrency ?? 'CNY'} testId="opportunity-amount" />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="closeDate"
                label={t('sales.fields.closeDate')}
                getValueProps={(v: unknown) => ({ value: typeof v === 'string' ? dayjs(v) : null })}
                normalize={(d: Dayjs | null) => d?.format('YYYY-MM-DD') ?? null}
              >
                <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="probability" label={t('sales.fields.probability')}>
                <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="forecastCategory" label={t('sales.fields.forecastCategory')}>
                <Select popupMatchSelectWidth={false} options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`sales.forecast.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="accountId" label={t('sales.fields.accountId')}>
                <RecordSelect path="/accounts" testId="opportunity-account" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactId" label={t('sales.fields.contactId')}>
                <RecordSelect path="/contacts" testId="opportunity-contact" describe={(c) => (c.company as string | null) ?? null} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="source" label={t('fields.source')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="competitors" label={t('sales.fields.competitors')}>
                <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} placeholder={t('sales.form.competitorsPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="nextStep" label={t('sales.fields.nextStep')}>
                <Input maxLength={500} placeholder={t('sales.form.nextStepPlaceholder')} />
              </Form.Item>
            </Col>
            {canAssignOwners(membership.role) && (
              <Col xs={24} md={12}>
                <Form.Item name="ownerId" label={t('fields.ownerId')}>
                  <OwnerSelect testId="opportunity-owner" />
                </Form.Item>
              </Col>
            )}
            <CustomFieldItems objectType="opportunities" />
          </Row>
        </Form>
      )}
    </Modal>
  );
}
