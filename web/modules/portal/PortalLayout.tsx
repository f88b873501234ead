import { CustomerServiceOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, ConfigProvider, Flex, Layout, Result, Spin, Tooltip, Typography, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { rememberedLanguage } from '../../app/i18n';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { useIsMobile } from '../../ui/useIsMobile';
import { PortalPasswordModal } from './PortalPasswordModal';
import { homeKey, portalPath, usePortalBrand, usePortalHome, usePortalKey, type PortalBrand } from './usePortal';

/** The brand mark: the workspace's logo, else its initial in the brand colour. */
function PortalMark({ brand }: { brand: PortalBrand }) {
  if (brand.hasLogo) return <img src={`/api/v1${portalPath(brand.key)}/logo`} alt={brand.name} style={{ height: 32, maxWidth: 140, objectFit: 'contain' }} />;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 32, height: 32, borderRadius: 8, background: brand.color, color: '#fff', fontWeight: 600 }}>
      {Array.from(brand.name)[0]}
    </span>
  );
}

/**
 * /portal/:key/* — the customer's side, outside the staff app: the workspace's name, logo and colour, a
 * language switch, and (signed in) the customer's menu. Pages below read the brand from the query cache.
 */
export function PortalLayout() {
  const { t, i18n } = useTranslation();
  const key = usePortalKey();
  const brand = usePortalBrand(key);
  const language = brand.data?.defaultLanguage;
  // The workspace's language until the visitor picks one.
  useEffect(() => {
    if (language && !rememberedLanguage() && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
  const themeConfig = useMemo(() => ({ token: { colorPrimary: brand.data?.color ?? '#1677ff', colorLink: brand.data?.color ?? '#1677ff', borderRadius: 8 } }), [brand.data?.color]);

  if (brand.isLoading) return <Spin fullscreen />;
  if (!brand.data)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Result status="404" title={t('portal.missing.title')} subTitle={t('portal.missing.text')} data-testid="portal-missing" />
      </Flex>
    );
  return (
    <ConfigProvider theme={themeConfig}>
      <App>
        <PortalFrame brand={brand.data} />
      </App>
    </ConfigProvider>
  );
}

function PortalFrame({ brand }: { brand: PortalBrand }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const { pathname } = useLocation();
  const signingIn = /\/(sign-in|link\/)/.test(pathname);
  const base = `/portal/${brand.key}`;
  return (
    <Layout style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Layout.Header style={{ background: '#fff', borderBottom: `3px solid ${brand.color}`, padding: isMobile ? '0 12px' : '0 24px', height: 64, lineHeight: 'normal' }}>
        <Flex align="center" justify="space-between" style={{ height: '100%', maxWidth: 1080, margin: '0 auto' }} gap={8}>
          <Link to={base} data-testid="portal-brand">
            <Flex align="center" gap={10}>
              <PortalMark brand={brand} />
              <Flex vertical>
                <Typography.Text strong style={{ fontSize: 16, lineHeight: 1.2 }}>
                  {brand.name}
                </Typography.Text>
                {!isMobile && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <CustomerServiceOutlined /> {t('portal.title')}
                  </Typography.Text>
                )}
              </Flex>
            </Flex>
          </Link>
          <Flex align="center" gap={4}>
            {!signingIn && <CustomerMenu base={base} compact={isMobile} />}
            <LanguageSwitcher compact={isMobile} />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: isMobile ? '16px 12px 48px' : '24px 24px 64px' }}>
        <div style={{ maxWidth: 1080, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}

/** Home, new request, help, password, sign-out: for a signed-in customer; help and sign-in otherwise. */
function CustomerMenu({ base, compact }: { base: string; compact: boolean }) {
  const { t } = useTranslation();
  const key = usePortalKey();
  const home = usePortalHome(key);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: () => api.post(`${portalPath(key)}/sign-out`),
    onSettled: () => {
      queryClient.removeQueries({ queryKey: homeKey(key) });
      void navigate(`${base}/sign-in`);
    },
  });
  const label = (text: string) => (compact ? null : text);
  if (!home.data)
    return (
      <Link to={`${base}/help`}>
        <Button type="text" icon={<QuestionCircleOutlined />}>
          {label(t('portal.nav.help'))}
        </Button>
      </Link>
    );
  return (
    <Flex gap={2} align="center">
      <Link to={base}>
        <Button type="text" icon={<HomeOutlined />} data-testid="portal-nav-home">
          {label(t('portal.nav.home'))}
        </Button>
      </Link>
      <Link to={`${base}/cases/new`}>
        <Button type="text" icon={<PlusOutlined />} data-testid="portal-nav-new-case">
          {label(t('portal.nav.newCase'))}
        </Button>
      </Link>
      <Link to={`${base}/help`}>
        <Button type="text" icon={<QuestionCircleOutlined />} data-testid="portal-nav-help">
          {label(t('portal.nav.help'))}
        </Button>
      </Link>
      <Tooltip title={t('portal.nav.setPassword')}>
        <Button type="text" icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)} aria-label={t('portal.nav.setPassword')} data-testid="portal-set-password" />
      </Tooltip>
      <Tooltip title={t('portal.nav.signOut')}>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending} aria-label={t('portal.nav.signOut')} data-testid="portal-sign-out" />
      </Tooltip>
      <PortalPasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Flex>
  );
}
