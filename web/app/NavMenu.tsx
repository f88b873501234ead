import { AimOutlined, BankOutlined, BarChartOutlined, CalendarOutlined, CheckSquareOutlined, CustomerServiceOutlined, DashboardOutlined, FormOutlined, FundOutlined, HomeOutlined, InboxOutlined, LineChartOutlined, PieChartOutlined, ReadOutlined, RiseOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, ShoppingOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { can, type WorkspaceAction } from './permissions';
import { useCurrentSession } from './useCurrentSession';

interface NavMenuProps {
  /** Called after a link was followed (closes the phone drawer). */
  onNavigate?: () => void;
}

const ITEMS: { key: string; path: string; icon: React.ReactNode; label?: string; action?: WorkspaceAction }[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'contacts', path: '/contacts', icon: <TeamOutlined /> },
  { key: 'accounts', path: '/accounts', icon: <BankOutlined /> },
  { key: 'leads', path: '/leads', icon: <AimOutlined />, label: 'leads.nav' },
  { key: 'pools', path: '/pools', icon: <InboxOutlined />, label: 'pools.nav' },
  { key: 'opportunities', path: '/opportunities', icon: <FundOutlined />, label: 'sales.nav' },
  { key: 'orders', path: '/orders', icon: <ShoppingCartOutlined />, label: 'orders.nav' },
  { key: 'sales', path: '/sales/analysis', icon: <BarChartOutlined />, label: 'analysis.nav' },
  { key: 'reports', path: '/reports', icon: <PieChartOutlined /> },
  { key: 'analytics', path: '/analytics/value', icon: <RiseOutlined />, label: 'nav.customerValue' },
  { key: 'dashboards', path: '/dashboards', icon: <DashboardOutlined /> },
  { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, label: 'tasks.title' },
  { key: 'products', path: '/products', icon: <ShoppingOutlined /> },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, label: 'calendar.title' },
  { key: 'cases', path: '/cases', icon: <CustomerServiceOutlined />, label: 'cases.nav' },
  { key: 'service', path: '/service/reports', icon: <LineChartOutlined />, label: 'serviceReports.nav' },
  { key: 'knowledge', path: '/knowledge', icon: <ReadOutlined />, label: 'knowledge.nav' },
  { key: 'work-orders', path: '/work-orders', icon: <ToolOutlined />, label: 'field.nav.workOrders' },
  { key: 'service-stations', path: '/service-stations', icon: <ShopOutlined />, label: 'field.nav.stations' },
  { key: 'forms', path: '/forms', icon: <FormOutlined />, label: 'forms.nav', action: 'forms.manage' },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];

/** A service station's staff work their station's queue only (their role reads no customer records). */
const STATION_ITEMS = ['work-orders'];

function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  // Price books belong to the catalog: the Products entry stays lit.
  return first === '' ? 'home' : first === 'price-books' ? 'products' : first;
}

/** The main navigation: Home, Contacts, Accounts, Tasks, Forms (for those who manage them), Settings. */
export function NavMenu({ onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { role } = useCurrentSession().membership;
  return (
    <Menu
      mode="inline"
      selectedKeys={[sectionOf(pathname)]}
      style={{ borderInlineEnd: 'none' }}
      onClick={onNavigate}
      items={ITEMS.filter((item) => (!item.action || can(role, item.action)) && (role !== 'station' || STATION_ITEMS.includes(item.key))).map((item) => ({
        key: item.key,
        icon: item.icon,
        label: (
          <Link to={item.path} data-testid={`nav-${item.key}`}>
            {t(item.label ?? `nav.${item.key}`)}
          </Link>
        ),
      }))}
    />
  );
}
