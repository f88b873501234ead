import { Card, Flex, Layout, theme } from 'antd';
import { Outlet } from 'react-router-dom';
import { Brand } from './Brand';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of the signed-out pages: brand, language switcher, a centred card. */
export function AuthLayout() {
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex justify="space-between" align="center" style={{ padding: '8px 8px 0 0' }}>
        <Brand />
        <LanguageSwitcher />
      </Flex>
      <Flex justify="center" style={{ padding: '24px 12px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 420 }}>
          <Outlet />
        </Card>
      </Flex>
    </Layout>
  );
}
