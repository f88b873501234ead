import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Segmented, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_OUTCOMES, INTERACTION_TYPES, type InteractionType } from '../../../contracts/interactions';
import { api } from '../../app/api';
import { DateTimeInput } from '../../app/DateTimeInput';
import type { Interaction } from '../../app/types';
import { useFormSubmit } from '../../app/useFormSubmit';
import { FormAlert } from '../../ui/FormAlert';
import { TYPE_LOOK } from './interactionIcons';
import { DEFAULT_CHANNEL, defaultDirection, hasDirection, hasDuration } from './interactionKinds';
import { changeBody, initialLogValues, logBody, valuesOf, type LogValues } from './logValues';
import { useInteractionsChanged, type TimelineRecord } from './useTimeline';

interface LogInteractionModalProps {
  open: boolean;
  /** The record it is about (a contact takes part; another record is linked). */
  record: TimelineRecord;
  /** The logged interaction to change; without it the form logs a new one. */
  interaction?: Interaction | null;
  /** Called on cancel and after a save (the timelines and figures have been told to refresh). */
  onClose: () => void;
}

/** Logs a call, e-mail, meeting, note, message or visit about a record, or changes a logged one. */
export function LogInteractionModal({ open, record, interaction, onClose }: LogInteractionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useInteractionsChanged();
  const [form] = Form.useForm<LogValues>();
  const type: InteractionType = Form.useWatch('type', form) ?? 'call';
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: LogValues) =>
      interaction ? api.patch<Interaction>(`/interactions/${interaction.id}`, changeBody(values)) : api.post<Interaction>('/interactions', logBody(values, record)),
    () => {
      onClose();
      message.success(t(interaction ? 'common.saved' : 'timeline.logged'));
      changed();
    },
  );

  // A new type brings its usual channel and direction; the person can still change them.
  const onValuesChange = (changed: Partial<LogValues>) => {
    if (changed.type) form.setFieldsValue({ channel: DEFAULT_CHANNEL[changed.type], direction: defaultDirection(changed.type) });
  };

  return (
    <Modal
      open={open}
      width={620}
      title={interaction ? t('timeline.editTitle') : t('timeline.logTitle', { name: record.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'interaction-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" initialValues={interaction ? valuesOf(interaction) : initialLogValues()} onValuesChange={onValuesChange} onFinish={submit} data-testid="interaction-form">
        <Form.Item name="type" label={t('timeline.fields.type')}>
          <Segmented
            block
            data-testid="interaction-type"
            options={INTERACTION_TYPES.map((value) => ({
              value,
              label: <span data-testid={`interaction-type-${value}`}>{t(`timeline.types.${value}`)}</span>,
              icon: <span style={{ color: TYPE_LOOK[value].color }}>{TYPE_LOOK[value].icon}</span>,
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label={t('timeline.fields.channel')}>
              <Select data-testid="interaction-channel" options={INTERACTION_CHANNELS.map((value) => ({ value, label: t(`timeline.channels.${value}`) }))} />
            </Form.Item>
          </Col>
          {hasDirection(type) && (
            <Col xs={24} sm={12}>
              <Form.Item name="direction" label={t('timeline.fields.direction')}>
                <Radio.Group optionType="button" buttonStyle="solid" data-testid="interaction-direction">
                  {INTERACTION_DIRECTIONS.map((value) => (
                    <Radio.Button key={value} value={value}>
                      {t([`timeline.directionsOf.${type}.${value}`, `timeline.directions.${value}`])}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredAt" label={t('timeline.fields.occurredAt')} rules={[{ required: true }]}>
              <DateTimeInput allowClear={false} testId="interaction-occurred-at" />
            </Form.Item>
          </Col>
          {hasDuration(type) && (
            <Col xs={12} sm={6}>
              <Form.Item name="durationMinutes" label={t('timeline.fields.duration')}>
                <InputNumber min={0} max={7 * 24 * 60} step={1} suffix={t('timeline.minutes')} style={{ width: '100%' }} data-testid="interaction-duration" />
              </Form.Item>
            </Col>
          )}
          {hasDuration(type) && (
            <Col xs={12} sm={6}>
              <Form.Item name="outcome" label={t('timeline.fields.outcome')}>
                <Select
                  allowClear
                  data-testid="interaction-outcome"
                  popupMatchSelectWidth={false}
                  options={INTERACTION_OUTCOMES.map((value) => ({ value, label: t(`timeline.outcomes.${value}`) }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="subject" label={t('timeline.fields.subject')}>
          <Input maxLength={500} placeholder={t('timeline.subjectHint')} data-testid="interaction-subject" />
        </Form.Item>
        <Form.Item name="body" label={t(type === 'note' ? 'timeline.fields.note' : 'timeline.fields.body')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={100_000} data-testid="interaction-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
