import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from './UserAvatar';
import { useMembers } from './useMembers';

interface OwnerSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** Picks the owner of a record among the active members (a Form control). */
export function OwnerSelect({ value, onChange }: OwnerSelectProps) {
  const { t } = useTranslation();
  const { members, isPending } = useMembers();
  return (
    <Select
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={isPending}
      showSearch={{ optionFilterProp: 'search' }}
      aria-label={t('fields.ownerId')}
      data-testid="contact-owner"
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
