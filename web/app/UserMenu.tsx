import { LogoutOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { UserAvatar } from './UserAvatar';
import { useCurrentSession } from './useCurrentSession';
import { useSignOut } from './useSignOut';

interface UserMenuProps {
  compact?: boolean;
  onShowShortcuts: () => void;
}

/** Avatar menu: Profile, keyboard shortcuts, Sign out. */
export function UserMenu({ compact = false, onShowShortcuts }: UserMenuProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const signOut = useSignOut();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'profile',
            icon: <UserOutlined />,
            label: (
              <Link to="/profile" data-testid="nav-profile">
                {t('nav.profile')}
              </Link>
            ),
          },
          { key: 'shortcuts', icon: <QuestionCircleOutlined />, label: t('shortcuts.title'), onClick: onShowShortcuts },
          { type: 'divider' },
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
            onClick: () => void signOut(),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" aria-label={t('nav.userMenu')} style={{ height: 40, paddingInline: 4 }}>
        <UserAvatar user={user} size={28} />
        {!compact && <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.name}</span>}
      </Button>
    </Dropdown>
  );
}
