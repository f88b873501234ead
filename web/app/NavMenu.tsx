import { BankOutlined, CheckSquareOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

interface NavMenuProps {
  /** Called after a link was followed (closes the phone drawer). */
  onNavigate?: () => void;
}

const ITEMS = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'contacts', path: '/contacts', icon: <TeamOutlined /> },
  { key: 'accounts', path: '/accounts', icon: <BankOutlined /> },
  { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
] as const;

function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first === '' ? 'home' : first;
}

/** The main navigation: Home, Contacts, Accounts, Tasks, Settings. */
export function NavMenu({ onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Menu
      mode="inline"
      selectedKeys={[sectionOf(pathname)]}
      style={{ borderInlineEnd: 'none' }}
      onClick={onNavigate}
      items={ITEMS.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: (
          <Link to={item.path} data-testid={`nav-${item.key}`}>
            {t(item.key === 'tasks' ? 'tasks.title' : `nav.${item.key}`)}
          </Link>
        ),
      }))}
    />
  );
}
