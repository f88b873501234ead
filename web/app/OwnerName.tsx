import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from './UserAvatar';
import { useMembers } from './useMembers';

interface OwnerNameProps {
  ownerId: string | null;
  size?: number;
}

/** A record's owner: avatar and name (the start of the id while the members load or if unknown). */
export function OwnerName({ ownerId, size = 20 }: OwnerNameProps) {
  const { t } = useTranslation();
  const { byId } = useMembers();
  if (!ownerId) return <Typography.Text type="secondary">{t('common.noOwner')}</Typography.Text>;
  const owner = byId.get(ownerId);
  if (!owner) return <Typography.Text type="secondary">{ownerId.slice(0, 8)}</Typography.Text>;
  return (
    <Flex align="center" gap={6} style={{ whiteSpace: 'nowrap' }} data-testid="contact-owner-name">
      <UserAvatar user={{ name: owner.name, avatar: owner.avatar ?? null }} size={size} />
      <span>{owner.name}</span>
    </Flex>
  );
}
