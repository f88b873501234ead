import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { can, type WorkspaceAction } from '../../app/permissions';
import { useCurrentSession } from '../../app/useCurrentSession';
import { PageHeader } from '../../ui/PageHeader';

const SECTIONS = ['workspace', 'members', 'roles', 'api-keys', 'webhooks', 'email', 'mailboxes', 'telephony', 'call-scripts', 'sales', 'lead-rules', 'pools', 'service', 'business-hours', 'sla', 'service-reminders', 'portal', 'audit-log'] as const;
const LABELS: Record<(typeof SECTIONS)[number], string> = {
  workspace: 'settings.tabs.workspace',
  members: 'settings.tabs.members',
  roles: 'settings.tabs.roles',
  'api-keys': 'settings.tabs.apiKeys',
  webhooks: 'settings.tabs.webhooks',
  email: 'settings.tabs.email',
  mailboxes: 'settings.tabs.mailboxes',
  telephony: 'settings.tabs.telephony',
  'call-scripts': 'settings.tabs.callScripts',
  sales: 'settings.tabs.sales',
  'lead-rules': 'settings.tabs.leadRules',
  pools: 'pools.settings.tab',
  'business-hours': 'businessHours.tab',
  service: 'cases.settings.tab',
  sla: 'settings.tabs.sla',
  'service-reminders': 'serviceReminders.tab',
  portal: 'portal.settings.nav',
  'audit-log': 'settings.tabs.auditLog',
};

/** Sections shown only to roles that may use them (the URL still answers, with the server's 403). */
const NEEDS: Partial<Record<(typeof SECTIONS)[number], WorkspaceAction>> = {
  'api-keys': 'apiKeys.manage',
  webhooks: 'workspace.manage',
  'audit-log': 'audit.read',
  sales: 'sales.configure',
  'lead-rules': 'sales.configure',
  pools: 'sales.configure',
  service: 'service.configure',
  sla: 'service.configure',
  'service-reminders': 'service.configure',
  portal: 'service.configure',
};

/** /settings/*: one tab per section, each with its own URL. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useCurrentSession().membership;
  const section = useLocation().pathname.split('/')[2] ?? 'workspace';
  const visible = SECTIONS.filter((key) => key === section || !NEEDS[key] || can(role, NEEDS[key]));
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(`/settings/${key}`)}
        items={visible.map((key) => ({ key, label: <span data-testid={`settings-tab-${key}`}>{t(LABELS[key])}</span> }))}
      />
      <Outlet />
    </>
  );
}
