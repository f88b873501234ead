import { Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField, FormValues } from './formTypes';

/** How the form will read, as it is being built (the hosted page shows the saved one). */
export function FormPreview({ values }: { values: Partial<FormValues> }) {
  const { t } = useTranslation();
  const fields = (values.fields ?? []).filter(Boolean) as FormField[];
  return (
    <Card size="small" title={t('forms.builder.preview')} data-testid="form-preview">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {values.title || '—'}
      </Typography.Title>
      {values.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{values.intro}</Typography.Paragraph>}
      <Form layout="vertical" component="div" disabled>
        {fields.map((field, i) => (
          <Form.Item key={`${field.key}-${i}`} label={field.type === 'checkbox' ? undefined : field.label || '—'} required={field.required}>
            {field.type === 'textarea' ? (
              <Input.TextArea rows={3} />
            ) : field.type === 'select' ? (
              <Select options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />
            ) : field.type === 'checkbox' ? (
              <Checkbox>{field.label}</Checkbox>
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
      <Typography.Text strong>[{values.submitLabel || t('forms.builder.defaultSubmit')}]</Typography.Text>
    </Card>
  );
}
