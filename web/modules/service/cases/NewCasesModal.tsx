import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../contracts/roles';
import { CASE_CHANNELS, CASE_PRIORITIES, type CaseChannel, type CasePriority } from '../../../../contracts/service';
import { api } from '../../../app/api';
import { RecordSelect } from '../../../app/RecordSelect';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FormAlert } from '../../../ui/FormAlert';
import type { Case } from './types';
import { useCaseTypes, useTypeName } from './useCases';

interface Request {
  subject: string;
  typeId?: string;
  priority: CasePriority;
  description?: string;
}
interface Values {
  contactId: string | null;
  channel: CaseChannel;
  language?: string;
  assign: boolean;
  cases: Request[];
}

interface NewCasesModalProps {
  open: boolean;
  /** The customer, when the caller already has them (the agent console). */
  contactId?: string;
  onClose: () => void;
  onCreated: (cases: Case[]) => void;
}

/** Several requests of one customer as several cases, created together (POST /cases/batch). */
export function NewCasesModal({ open, contactId, onClose, onCreated }: NewCasesModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const types = (useCaseTypes().data ?? []).filter((x) => x.active);
  const typeName = useTypeName();
  const { submit, pending, error, reset } = useFormSubmit(
    form,
    (values: Values) =>
      api.post<{ data: Case[] }>('/cases/batch', {
        contactId: values.contactId ?? null,
        channel: values.channel,
        ...(values.language ? { language: values.language } : {}),
        assign: values.assign,
        cases: values.cases.map((c) => ({ subject: c.subject, priority: c.priority, ...(c.typeId ? { typeId: c.typeId } : {}), ...(c.description?.trim() ? { description: c.description } : {}) })),
      }),
    (result) => onCreated(result.data),
  );
  const emptyRequest: Request = { subject: '', priority: 'normal' };
  return (
    <Modal
      open={open}
      width={760}
      title={t('cases.new.title')}
      okText={t('cases.new.submit')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, 'data-testid': 'new-cases-submit' } as ButtonProps}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
    >
      <FormAlert message={error} />
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={{ contactId: contactId ?? null, channel: 'phone', assign: true, cases: [emptyRequest] }}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="contactId" label={t('cases.fields.contactId')} extra={t('cases.new.contactHint')}>
              <RecordSelect path="/contacts" testId="new-cases-contact" describe={(c) => (c.company as string | null) ?? (c.email as string | null)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="channel" label={t('cases.fields.channel')} rules={[{ required: true }]}>
              <Select data-testid="new-cases-channel" options={CASE_CHANNELS.map((value) => ({ value, label: t(`cases.channel.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="language" label={t('cases.fields.language')}>
              <Select allowClear options={LOCALES.map((value) => ({ value, label: t(`cases.languages.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="cases">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Card
                  key={row.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('cases.new.request', { n: i + 1 })}
                  extra={rows.length > 1 && <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} />}
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[row.name, 'subject']} label={t('cases.fields.subject')} rules={[{ required: true, whitespace: true }]}>
                        <Input maxLength={300} data-testid={`new-cases-subject-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[row.name, 'typeId']} label={t('cases.fields.typeId')}>
                        <Select allowClear data-testid={`new-cases-type-${i}`} options={types.map((x) => ({ value: x.id, label: typeName(x.id) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[row.name, 'priority']} label={t('cases.fields.priority')}>
                        <Select options={CASE_PRIORITIES.map((value) => ({ value, label: t(`cases.priority.${value}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name={[row.name, 'description']} label={t('cases.fields.description')} style={{ marginBottom: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={10000} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {rows.length < 20 && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyRequest)} data-testid="new-cases-add-row" style={{ marginBottom: 12 }}>
                  {t('cases.new.addRequest')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="assign" valuePropName="checked" extra={t('cases.new.assignHint')}>
          <Checkbox data-testid="new-cases-assign">{t('cases.new.assign')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
