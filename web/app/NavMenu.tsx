import { AimOutlined, BankOutlined, BarChartOutlined, CalendarOutlined, CheckSquareOutlined, CustomerServiceOutlined, DashboardOutlined, FormOutlined, FundOutlined, HomeOutlined, InboxOutlined, LineChartOutlined, PieChartOutlined, ReadOutlined, RiseOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, ShoppingOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { can, type WorkspaceAction } from './permissions';
import { useCurrentSession } from './useCurrentSession';

interface NavMenuProps {
  /** Called after a link was followed (closes the phone drawer). */
  onNavigate?: () => void;
}

type NavGroup = 'customers' | 'sales' | 'service' | 'analysis' | 'work';

interface NavItem {
  key: string;
  path: string;
  icon: React.ReactNode;
  label?: string;
  action?: WorkspaceAction;
  /** The heading it is listed under; none: at the top (Home) or the bottom (Settings). */
  group?: NavGroup;
}

const ITEMS: NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'contacts', path: '/contacts', icon: <TeamOutlined />, group: 'customers' },
  { key: 'accounts', path: '/accounts', icon: <BankOutlined />, group: 'customers' },
  { key: 'pools', path: '/pools', icon: <InboxOutlined />, label: 'pools.nav', group: 'customers' },
  { key: 'leads', path: '/leads', icon: <AimOutlined />, label: 'leads.nav', group: 'sales' },
  { key: 'opportunities', path: '/opportunities', icon: <FundOutlined />, label: 'sales.nav', group: 'sales' },
  { key: 'orders', path: '/orders', icon: <ShoppingCartOutlined />, label: 'orders.nav', group: 'sales' },
  { key: 'products', path: '/products', icon: <ShoppingOutlined />, group: 'sales' },
  { key: 'cases', path: '/cases', icon: <CustomerServiceOutlined />, label: 'cases.nav', group: 'service' },
  { key: 'knowledge', path: '/knowledge', icon: <ReadOutlined />, label: 'knowledge.nav', group: 'service' },
  { key: 'work-orders', path: '/work-orders', icon: <ToolOutlined />, label: 'field.nav.workOrders', group: 'service' },
  { key: 'service-stations', path: '/service-stations', icon: <ShopOutlined />, label: 'field.nav.stations', group: 'service' },
  { key: 'sales', path: '/sales/analysis', icon: <BarChartOutlined />, label: 'analysis.nav', group: 'analysis' },
  { key: 'service', path: '/service/reports', icon: <LineChartOutlined />, label: 'serviceReports.nav', group: 'analysis' },
  { key: 'analytics', path: '/analytics/value', icon: <RiseOutlined />, label: 'nav.customerValue', group: 'analysis' },
  { key: 'reports', path: '/reports', icon: <PieChartOutlined />, group: 'analysis' },
  { key: 'dashboards', path: '/dashboards', icon: <DashboardOutlined />, group: 'analysis' },
  { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, label: 'tasks.title', group: 'work' },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, label: 'calendar.title', group: 'work' },
  { key: 'forms', path: '/forms', icon: <FormOutlined />, label: 'forms.nav', action: 'forms.manage', group: 'work' },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];

/** A service station's staff work their station's queue only (their role reads no customer records). */
const STATION_ITEMS = ['work-orders'];

function sectionOf(pathname: string): string {
  const [, first = '', second] = pathname.split('/');
  if (first === '') return 'home';
  // Price books belong to the catalog, the agent console to cases: their entries stay lit.
  if (first === 'price-books') return 'products';
  if (first === 'service' && second === 'console') return 'cases';
  return first;
}

/** The main navigation, in headed groups (customers, sales, service, analysis, work); a station's staff see their queue only. */
export function NavMenu({ onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { role } = useCurrentSession().membership;
  const entry = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`nav-${item.key}`}>
        {t(item.label ?? `nav.${item.key}`)}
      </Link>
    ),
  });
  const visible = ITEMS.filter((item) => (!item.action || can(role, item.action)) && (role !== 'station' || STATION_ITEMS.includes(item.key)));
  // Consecutive items of one group share a heading; a station's single entry needs none.
  const items: MenuProps['items'] = [];
  for (const item of visible) {
    const last = items.at(-1);
    if (!item.group || role === 'station') items.push(entry(item));
    else if (last && last.type === 'group' && last.key === `group-${item.group}`) last.children!.push(entry(item));
    else items.push({ type: 'group', key: `group-${item.group}`, label: t(`nav.groups.${item.group}`), children: [entry(item)] });
  }
  return <Menu mode="inline" selectedKeys={[sectionOf(pathname)]} style={{ borderInlineEnd: 'none' }} onClick={onNavigate} items={items} />;
}
