import { Drawer, Layout, theme } from 'antd';
import { useCallback, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useIsMobile } from '../ui/useIsMobile';
import { CallPop } from '../modules/calls/CallPop';
import { ClickToCallProvider } from '../modules/calls/ClickToCallProvider';
import { TaskReminders } from '../modules/tasks/TaskReminders';
import { QuoteNotifications } from '../modules/sales/quotes/QuoteNotifications';
import { WorkOrderNotifications } from '../modules/service/field/WorkOrderNotifications';
import { ServiceReminderNotifications } from '../modules/service/reminders/ServiceReminderNotifications';
import { AppHeader } from './AppHeader';
import { Brand } from './Brand';
import { NavMenu } from './NavMenu';
import { RealtimeProvider } from './realtime/RealtimeProvider';
import { SearchPalette } from './search/SearchPalette';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useShortcuts } from './useShortcuts';

/** The signed-in frame: collapsible side menu (a drawer on phones), header, page; the realtime socket's listeners. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  const showSearch = useCallback(() => setSearchOpen(true), []);
  useShortcuts(showHelp, showSearch);

  return (
    <RealtimeProvider>
      <ClickToCallProvider>
        <Layout style={{ minHeight: '100vh' }}>
          {isMobile ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={260}
              closable={false}
              styles={{ body: { padding: 0 } }}
            >
              <Brand />
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          ) : (
            <Layout.Sider
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              theme="light"
              width={220}
              style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
            >
              {/* The navigation scrolls on its own (above the collapse trigger): a long menu never makes the page taller. */}
              <div style={{ position: 'sticky', top: 0, maxHeight: 'calc(100vh - 48px)', overflowY: 'auto' }}>
                <Brand collapsed={collapsed} />
                <NavMenu />
              </div>
            </Layout.Sider>
          )}
          <Layout style={{ minWidth: 0 }}>
            <AppHeader isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} onShowShortcuts={showHelp} onSearch={showSearch} />
            <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
              <Outlet />
            </Layout.Content>
          </Layout>
          <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
          <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
          <CallPop />
          <TaskReminders />
          <QuoteNotifications />
          <WorkOrderNotifications />
          <ServiceReminderNotifications />
        </Layout>
      </ClickToCallProvider>
    </RealtimeProvider>
  );
}
