import { MenuOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SearchTrigger } from './search/SearchTrigger';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

interface AppHeaderProps {
  isMobile: boolean;
  onOpenMenu: () => void;
  onShowShortcuts: () => void;
  onSearch: () => void;
}

/** Top bar: workspace, search, language, help, user menu. */
export function AppHeader({ isMobile, onOpenMenu, onShowShortcuts, onSearch }: AppHeaderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Below 992 px the full search box would squeeze the workspace name: an icon does.
  const wide = Grid.useBreakpoint().lg ?? true;
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: isMobile ? '0 8px' : '0 16px',
        height: 56,
        lineHeight: '56px',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
        <Flex align="center" gap={4} style={{ minWidth: 0 }}>
          {isMobile && (
            <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('nav.openMenu')} data-testid="nav-open" />
          )}
          <WorkspaceSwitcher />
        </Flex>
        <Flex align="center" gap={isMobile ? 0 : 4} style={{ flex: 'none' }}>
          <SearchTrigger compact={isMobile || !wide} onOpen={onSearch} />
          <LanguageSwitcher compact={isMobile} />
          {!isMobile && (
            <Tooltip title={t('shortcuts.title')}>
              <Button type="text" icon={<QuestionCircleOutlined />} onClick={onShowShortcuts} aria-label={t('shortcuts.title')} />
            </Tooltip>
          )}
          <UserMenu compact={isMobile} onShowShortcuts={onShowShortcuts} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
