import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const TYPE_COLORS: Record<string, string> = { customer: 'green', prospect: 'blue', partner: 'purple', supplier: 'gold', competitor: 'red' };

/** An account's type as a coloured tag. */
export function AccountTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  return <Tag color={TYPE_COLORS[type]}>{t(`accounts.types.${type}`, { defaultValue: type })}</Tag>;
}
