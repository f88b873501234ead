import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { CustomFieldDefinition } from '../../ui/lists/fields';
import { CONTACT_TARGETS, FORM_FIELD_TYPES, keyFromLabel, type FormField } from './formTypes';

/** Where an answer can go: nowhere but the submission, a contact field, or a contact custom field. */
function useTargets() {
  const { t, i18n } = useTranslation();
  const custom = useQuery({
    queryKey: ['/custom-fields', 'contacts'],
    queryFn: ({ signal }) => api.get<{ data: CustomFieldDefinition[] }>('/custom-fields', { objectType: 'contacts' }, signal),
  });
  const lang = i18n.resolvedLanguage ?? 'en';
  return [
    { value: '', label: t('forms.targets.none') },
    ...CONTACT_TARGETS.map((target) => ({ value: target, label: t(`forms.targets.${target}`) })),
    ...(custom.data?.data ?? []).filter((d) => !d.archivedAt).map((d) => ({ value: `custom.${d.key}`, label: t('forms.targets.custom', { label: d.label[lang] ?? d.label.en ?? d.key }) })),
  ];
}

/** The questions of a form: add, reorder, remove; each with its label, key, type, choices and where it is saved. */
export function FormFieldsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const targets = useTargets();
  return (
    <Form.List name="fields">
      {(items, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {items.map((item, index) => (
            <Card
              key={item.key}
              size="small"
              data-testid={`form-field-${index}`}
              extra={
                <Flex gap={4}>
                  <Tooltip title={t('forms.builder.moveUp')}>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('forms.builder.moveUp')} />
                  </Tooltip>
                  <Tooltip title={t('forms.builder.moveDown')}>
                    <Button size="small" icon={<ArrowDownOutlined />} disabled={index === items.length - 1} onClick={() => move(index, index + 1)} aria-label={t('forms.builder.moveDown')} />
                  </Tooltip>
                  <Tooltip title={t('forms.builder.remove')}>
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={t('forms.builder.remove')} />
                  </Tooltip>
                </Flex>
              }
            >
              <Flex wrap gap={12}>
                <Form.Item name={[item.name, 'label']} label={t('forms.builder.label')} rules={[{ required: true, whitespace: true }]} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                  <Input maxLength={200} data-testid={`form-field-${index}-label`} />
                </Form.Item>
                <Form.Item name={[item.name, 'key']} label={t('forms.builder.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                  <Input maxLength={40} data-testid={`form-field-${index}-key`} />
                </Form.Item>
                <Form.Item name={[item.name, 'type']} label={t('forms.builder.type')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                  <Select options={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))} data-testid={`form-field-${index}-type`} />
                </Form.Item>
                <Form.Item name={[item.name, 'mapTo']} label={t('forms.builder.mapTo')} style={{ flex: '1 1 180px', marginBottom: 8 }} getValueProps={(v) => ({ value: v ?? '' })} normalize={(v) => v || null}>
                  <Select options={targets} data-testid={`form-field-${index}-map`} />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" label=" " style={{ marginBottom: 8 }}>
                  <Checkbox>{t('forms.builder.required')}</Checkbox>
                </Form.Item>
              </Flex>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue(['fields', item.name, 'type']) === 'select' && (
                    <Form.Item name={[item.name, 'options']} label={t('forms.builder.options')} extra={t('forms.builder.optionsHelp')} rules={[{ required: true, type: 'array', min: 1 }]} style={{ marginBottom: 0 }}>
                      <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              const taken = ((form.getFieldValue('fields') ?? []) as FormField[]).map((f) => f?.key).filter(Boolean);
              add({ key: keyFromLabel('', taken), label: '', type: 'text', required: false, mapTo: null } satisfies FormField);
            }}
            data-testid="form-add-field"
          >
            {t('forms.builder.addField')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
