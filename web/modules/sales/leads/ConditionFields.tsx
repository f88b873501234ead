import { Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAD_RULE_FIELDS, LEAD_RULE_OPERATORS } from '../../../../contracts/sales';

/** One rule condition (field, operator, values) under the form path `name`. */
export function ConditionFields({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const operator = Form.useWatch([...name, 'operator'], form) as string | undefined;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name={[...name, 'field']} noStyle>
        <Select style={{ width: 140 }} data-testid="rule-condition-field" placeholder={t('leadRules.field')} options={LEAD_RULE_FIELDS.map((value) => ({ value, label: t(`leadRules.fields.${value}`) }))} />
      </Form.Item>
      <Form.Item name={[...name, 'operator']} noStyle initialValue="in">
        <Select style={{ width: 130 }} options={LEAD_RULE_OPERATORS.map((value) => ({ value, label: t(`leadRules.operators.${value}`) }))} />
      </Form.Item>
      {operator !== 'isSet' && (
        <Form.Item name={[...name, 'values']} noStyle>
          <Select mode="tags" data-testid="rule-condition-values" style={{ flex: 1, minWidth: 160 }} tokenSeparators={[',', '，']} open={false} suffixIcon={null} placeholder={t('leadRules.valuesHint')} />
        </Form.Item>
      )}
    </Space.Compact>
  );
}

/** How a condition reads in a table: "Source is one of web, 展会". */
export function useDescribeCondition() {
  const { t } = useTranslation();
  return (c: { field: string; operator: string; values: string[] }) =>
    `${t(`leadRules.fields.${c.field}`)} ${t(`leadRules.operators.${c.operator}`)}${c.operator === 'isSet' ? '' : ` ${c.values.join(', ')}`}`;
}
