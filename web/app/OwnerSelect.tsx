import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from './UserAvatar';
import { useMembers } from './useMembers';

interface OwnerSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** A filter rather than a field: clearable, with a placeholder ("All owners"). */
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
}

/** Picks the owner of a record among the active members (a Form control). */
export function OwnerSelect({ value, onChange, allowClear, placeholder, style, testId = 'contact-owner' }: OwnerSelectProps) {
  const { t } = useTranslation();
  const { members, isPending } = useMembers();
  return (
    <Select
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={isPending}
      allowClear={allowClear}
      placeholder={placeholder}
      style={style}
      showSearch={{ optionFilterProp: 'search' }}
      aria-label={t('fields.ownerId')}
      data-testid={testId}
      options={members
        .filter((m) => m.status === 'active' || m.userId === value)
        .map((m) => ({
          value: m.userId,
          search: `${m.name} ${m.email}`,
          label: (
            <Flex align="center" gap={8}>
              <UserAvatar user={{ name: m.name, avatar: m.avatar ?? null }} size={20} />
              {m.name}
            </Flex>
          ),
        }))}
    />
  );
}
