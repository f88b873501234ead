import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { OwnerSelect } from '../../app/OwnerSelect';
import { RecordSelect } from '../../app/RecordSelect';
import { localLabel, type CustomFieldDefinition } from '../../ui/lists/fields';
import { toMajor, toMinor } from '../accounts/accountValues';

/** The input of one custom field; `currency` fields are stored in minor units and typed in major ones. */
function control(def: CustomFieldDefinition, language: string) {
  const choices = (def.options.choices ?? []).map((c) => ({ value: c.value, label: localLabel(c.label, language, c.value) }));
  switch (def.type) {
    case 'long_text':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20_000} />;
    case 'number':
    case 'currency':
      return <InputNumber style={{ width: '100%' }} addonAfter={def.type === 'currency' ? def.options.currency : undefined} />;
    case 'boolean':
      return <Switch />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} />;
    case 'single_select':
      return <Select allowClear options={choices} />;
    case 'multi_select':
      return <Select mode="multiple" allowClear options={choices} />;
    case 'user':
      return <OwnerSelect allowClear testId={`custom-${def.key}`} />;
    case 'lookup':
      return def.options.lookupType ? <RecordSelect path={`/${def.options.lookupType}`} /> : <Input />;
    default:
      return <Input maxLength={1000} />;
  }
}

/** How a stored value shows in its control and goes back (days as `YYYY-MM-DD`, instants ISO, money in minor units). */
function conversions(def: CustomFieldDefinition) {
  const currency = def.options.currency ?? 'CNY';
  switch (def.type) {
    case 'date':
      return { getValueProps: (v: unknown) => ({ value: typeof v === 'string' ? dayjs(v) : null }), normalize: (d: Dayjs | null) => d?.format('YYYY-MM-DD') ?? null };
    case 'datetime':
      return { getValueProps: (v: unknown) => ({ value: typeof v === 'string' ? dayjs(v) : null }), normalize: (d: Dayjs | null) => d?.toISOString() ?? null };
    case 'currency':
      return { getValueProps: (v: unknown) => ({ value: typeof v === 'number' ? toMajor(v, currency) : null }), normalize: (n: number | null) => (n === null ? null : toMinor(n, currency)) };
    case 'boolean':
      return { valuePropName: 'checked' };
    default:
      return {};
  }
}

/**
 * The form items of an object's custom fields (GET /custom-fields), under `custom.<key>` so that the server's
 * field errors land on them. Archived fields are left out.
 */
export function CustomFieldItems({ objectType }: { objectType: string }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const definitions = useQuery({
    queryKey: ['/custom-fields', objectType],
    queryFn: ({ signal }) => api.get<{ data: CustomFieldDefinition[] }>('/custom-fields', { objectType }, signal),
    staleTime: 60_000,
  });
  const live = (definitions.data?.data ?? []).filter((d) => !d.archivedAt).sort((a, b) => a.position - b.position);
  return (
    <>
      {live.map((def) => (
        <Col key={def.key} xs={24} md={def.type === 'long_text' ? 24 : 12}>
          <Form.Item name={['custom', def.key]} label={localLabel(def.label, language, def.key)} rules={[{ required: def.required }]} {...conversions(def)}>
            {control(def, language)}
          </Form.Item>
        </Col>
      ))}
    </>
  );
}
