import { Avatar } from 'antd';
import type { User } from './types';

/** The user's photo, else the first letter of their name. */
export function UserAvatar({ user, size = 32 }: { user: Pick<User, 'name' | 'avatar'>; size?: number }) {
  return (
    <Avatar size={size} src={user.avatar ?? undefined} style={user.avatar ? undefined : { background: '#1677ff' }}>
      {user.name.trim().slice(0, 1).toUpperCase()}
    </Avatar>
  );
}
