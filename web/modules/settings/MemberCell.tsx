import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { UserAvatar } from '../../app/UserAvatar';
import type { Member } from '../../app/types';

/** A member in a settings table: avatar and name, then whatever the table adds (a "you" tag, the e-mail). */
export function MemberCell({ member, children }: { member: Pick<Member, 'name' | 'avatar'>; children?: ReactNode }) {
  return (
    <Flex align="center" gap={8}>
      <UserAvatar user={{ name: member.name, avatar: member.avatar ?? null }} size={24} />
      <Typography.Text strong>{member.name}</Typography.Text>
      {children}
    </Flex>
  );
}
