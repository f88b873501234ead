import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AccountPage } from '../modules/accounts/AccountPage';
import { Accounts } from '../modules/accounts/Accounts';
import { AcceptInvite } from '../modules/auth/AcceptInvite';
import { ForgotPassword } from '../modules/auth/ForgotPassword';
import { ResetPassword } from '../modules/auth/ResetPassword';
import { SignIn } from '../modules/auth/SignIn';
import { SignUp } from '../modules/auth/SignUp';
import { ContactPage } from '../modules/contacts/ContactPage';
import { Contacts } from '../modules/contacts/Contacts';
import { Duplicates } from '../modules/contacts/duplicates/Duplicates';
import { ImportWizard } from '../modules/imports/ImportWizard';
import { FormEditor } from '../modules/forms/FormEditor';
import { FormsPage } from '../modules/forms/FormsPage';
import { Home } from '../modules/home/Home';
import { Profile } from '../modules/profile/Profile';
import { ApiKeysSettings } from '../modules/settings/ApiKeysSettings';
import { AuditLogSettings } from '../modules/settings/AuditLogSettings';
import { InboundEmailSettings } from '../modules/settings/InboundEmailSettings';
import { MailboxesSettings } from '../modules/settings/mailboxes/MailboxesSettings';
import { MembersSettings } from '../modules/settings/MembersSettings';
import { RolesSettings } from '../modules/settings/RolesSettings';
import { SettingsLayout } from '../modules/settings/SettingsLayout';
import { TelephonySettings } from '../modules/settings/TelephonySettings';
import { CallScriptsSettings } from '../modules/calls/CallScriptsSettings';
import { WebhooksSettings } from '../modules/settings/webhooks/WebhooksSettings';
import { WorkspaceSettings } from '../modules/settings/WorkspaceSettings';
import { BusinessHoursSettings } from '../modules/settings/BusinessHoursSettings';
import { KnowledgePage } from '../modules/service/knowledge/KnowledgePage';
import { StationDashboardPage } from '../modules/service/field/StationDashboardPage';
import { StationsPage } from '../modules/service/field/StationsPage';
import { WorkOrdersPage } from '../modules/service/field/WorkOrdersPage';
import { TasksPage } from '../modules/tasks/TasksPage';
import { PriceBookPage } from '../modules/catalog/PriceBookPage';
import { PriceBooks } from '../modules/catalog/PriceBooks';
import { ProductCategories } from '../modules/catalog/ProductCategories';
import { ProductPage } from '../modules/catalog/ProductPage';
import { Products } from '../modules/catalog/Products';
import { OpportunitiesPage } from '../modules/sales/OpportunitiesPage';
import { OpportunityPage } from '../modules/sales/OpportunityPage';
import { SalesAnalysisPage } from '../modules/sales/analysis/SalesAnalysisPage';
import { DashboardPage } from '../modules/analytics/DashboardPage';
import { ReportBuilderPage } from '../modules/analytics/ReportBuilderPage';
import { ReportsPage } from '../modules/analytics/ReportsPage';
import { CustomerValuePage } from '../modules/analytics/CustomerValuePage';
import { LeadPage } from '../modules/sales/leads/LeadPage';
import { LeadRulesSettings } from '../modules/sales/leads/LeadRulesSettings';
import { LeadsPage } from '../modules/sales/leads/LeadsPage';
import { OrderImportPage } from '../modules/sales/orders/OrderImportPage';
import { OrderPage } from '../modules/sales/orders/OrderPage';
import { OrdersPage } from '../modules/sales/orders/OrdersPage';
import { PoolSettings } from '../modules/sales/pools/PoolSettings';
import { PoolsPage } from '../modules/sales/pools/PoolsPage';
import { SalesSettings } from '../modules/sales/settings/SalesSettings';
import { SlaSettings } from '../modules/service/sla/SlaSettings';
import { ReminderSettings } from '../modules/service/reminders/ReminderSettings';
import { ServiceReportsPage } from '../modules/service/reports/ServiceReportsPage';
import { SurveyPage } from '../modules/service/surveys/SurveyPage';
import { AgentConsolePage } from '../modules/service/cases/AgentConsolePage';
import { CasePage } from '../modules/service/cases/CasePage';
import { CasesPage } from '../modules/service/cases/CasesPage';
import { ServiceSettings } from '../modules/service/cases/ServiceSettings';
import { CalendarPage } from '../modules/calendar/CalendarPage';
import { PortalCasePage } from '../modules/portal/PortalCasePage';
import { PortalHelp } from '../modules/portal/PortalHelp';
import { PortalHome } from '../modules/portal/PortalHome';
import { PortalLayout } from '../modules/portal/PortalLayout';
import { PortalLinkLanding } from '../modules/portal/PortalLinkLanding';
import { PortalNewCase } from '../modules/portal/PortalNewCase';
import { PortalSettings } from '../modules/portal/PortalSettings';
import { PortalSignIn } from '../modules/portal/PortalSignIn';
import { AppLayout } from './AppLayout';
import { AuthGuard } from './AuthGuard';
import { AuthLayout } from './AuthLayout';
import { NotFound } from './NotFound';
import { RedirectIfSignedIn } from './RedirectIfSignedIn';
import { RouteError } from './RouteError';

/** Every view has a URL. */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          { path: '/sign-in', element: <RedirectIfSignedIn><SignIn /></RedirectIfSignedIn> },
          { path: '/sign-up', element: <RedirectIfSignedIn><SignUp /></RedirectIfSignedIn> },
          { path: '/forgot-password', element: <ForgotPassword /> },
          { path: '/reset-password', element: <ResetPassword /> },
          { path: '/invite/:token', element: <AcceptInvite /> },
          { path: '/survey/:token', element: <SurveyPage /> },
        ],
      },
      {
        // The customer self-service portal: its own frame and sign-in, outside the staff app.
        path: '/portal/:key',
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHome /> },
          { path: 'sign-in', element: <PortalSignIn /> },
          { path: 'link/:token', element: <PortalLinkLanding /> },
          { path: 'cases/new', element: <PortalNewCase /> },
          { path: 'cases/:reference', element: <PortalCasePage /> },
          { path: 'help', element: <PortalHelp /> },
        ],
      },
      {
        element: <AuthGuard />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <Home /> },
              { path: '/contacts', element: <Contacts /> },
              { path: '/contacts/import', element: <ImportWizard key="contacts" objectType="contacts" /> },
              { path: '/contacts/duplicates', element: <Duplicates /> },
              { path: '/contacts/:id', element: <ContactPage /> },
              { path: '/accounts', element: <Accounts /> },
              { path: '/accounts/import', element: <ImportWizard key="accounts" objectType="accounts" /> },
              { path: '/accounts/:id', element: <AccountPage /> },
              { path: '/leads', element: <LeadsPage /> },
              { path: '/leads/:id', element: <LeadPage /> },
              { path: '/pools', element: <PoolsPage /> },
              { path: '/opportunities', element: <OpportunitiesPage /> },
              { path: '/opportunities/:id', element: <OpportunityPage /> },
              { path: '/orders', element: <OrdersPage /> },
              { path: '/orders/import', element: <OrderImportPage /> },
              { path: '/orders/:id', element: <OrderPage /> },
              { path: '/sales/analysis', element: <SalesAnalysisPage /> },
              { path: '/reports', element: <ReportsPage /> },
              { path: '/analytics/value', element: <CustomerValuePage /> },
              { path: '/reports/new', element: <ReportBuilderPage key="new" /> },
              { path: '/reports/:id', element: <ReportBuilderPage /> },
              { path: '/dashboards', element: <DashboardPage /> },
              { path: '/dashboards/standard/:key', element: <DashboardPage /> },
              { path: '/dashboards/:id', element: <DashboardPage /> },
              { path: '/tasks', element: <TasksPage /> },
              { path: '/products', element: <Products /> },
              { path: '/products/categories', element: <ProductCategories /> },
              { path: '/products/:id', element: <ProductPage /> },
              { path: '/price-books', element: <PriceBooks /> },
              { path: '/price-books/:id', element: <PriceBookPage /> },
              { path: '/calendar', element: <CalendarPage /> },
              { path: '/knowledge', element: <KnowledgePage /> },
              { path: '/cases', element: <CasesPage /> },
              { path: '/cases/:id', element: <CasePage /> },
              { path: '/service/console', element: <AgentConsolePage /> },
              { path: '/service/reports', element: <ServiceReportsPage /> },
              { path: '/work-orders', element: <WorkOrdersPage /> },
              { path: '/service-stations', element: <StationsPage /> },
              { path: '/service-stations/dashboard', element: <StationDashboardPage /> },
              { path: '/forms', children: [{ index: true, element: <FormsPage /> }, { path: 'new', element: <FormEditor /> }, { path: ':id', element: <FormEditor /> }] },
              {
                path: '/settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="/settings/workspace" replace /> },
                  { path: 'workspace', element: <WorkspaceSettings /> },
                  { path: 'members', element: <MembersSettings /> },
                  { path: 'roles', element: <RolesSettings /> },
                  { path: 'api-keys', element: <ApiKeysSettings /> },
                  { path: 'webhooks', element: <WebhooksSettings /> },
                  { path: 'email', element: <InboundEmailSettings /> },
                  { path: 'mailboxes', element: <MailboxesSettings /> },
                  { path: 'telephony', element: <TelephonySettings /> },
                  { path: 'call-scripts', element: <CallScriptsSettings /> },
                  { path: 'sales', element: <SalesSettings /> },
                  { path: 'lead-rules', element: <LeadRulesSettings /> },
                  { path: 'pools', element: <PoolSettings /> },
                  { path: 'service', element: <ServiceSettings /> },
                  { path: 'sla', element: <SlaSettings /> },
                  { path: 'service-reminders', element: <ReminderSettings /> },
                  { path: 'portal', element: <PortalSettings /> },
                  { path: 'business-hours', element: <BusinessHoursSettings /> },
                  { path: 'audit-log', element: <AuditLogSettings /> },
                ],
              },
              { path: '/profile', element: <Profile /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
