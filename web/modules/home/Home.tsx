import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/useCurrentSession';
import { useFormat } from '../../app/useFormat';
import { can, canCreateRecords } from '../../app/permissions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FollowUpsCard } from '../tasks/FollowUpsCard';
import { MyDayCard } from '../tasks/MyDayCard';
import { PoolWarningsCard } from '../sales/pools/PoolWarningsCard';
import { FigureCard } from './FigureCard';
import { hourIn, partOfDay } from './greeting';
import { NextSteps } from './NextSteps';
import { RecentContacts } from './RecentContacts';
import { useHomeFigures } from './useHomeFigures';

/** / — greeting, key figures, next steps, my day and follow-up suggestions, recent contacts. */
export function Home() {
  const { t } = useTranslation();
  const { user, workspace, membership } = useCurrentSession();
  const format = useFormat();
  const { members, contacts } = useHomeFigures();
  const greeting = t(`home.greeting.${partOfDay(hourIn(format.timeZone))}`, { name: user.name });
  const loaded = !members.isPending && !contacts.isPending;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
          {greeting}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.subtitle', { workspace: workspace.name, role: t(`roles.${membership.role}.label`) })}
        </Typography.Text>
      </div>
      {(members.error ?? contacts.error) && <ErrorAlert error={members.error ?? contacts.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <FigureCard
            title={t('home.figures.members')}
            icon={<UserOutlined />}
            count={members.data}
            loading={members.isPending}
            to="/settings/members"
            testId="figure-members"
          />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <FigureCard
            title={t('home.figures.contacts')}
            icon={<TeamOutlined />}
            count={contacts.data}
            loading={contacts.isPending}
            to="/contacts"
            testId="figure-contacts"
          />
        </Col>
      </Row>
      {loaded && (
        <NextSteps
          hasColleagues={members.data ? members.data.value > 1 : true}
          hasContacts={contacts.data ? contacts.data.value > 0 : true}
          canInvite={can(membership.role, 'members.manage')}
          canAddContacts={canCreateRecords(membership.role)}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <MyDayCard />
            <PoolWarningsCard />
            <FollowUpsCard />
          </Space>
        </Col>
        {(contacts.data?.value ?? 0) > 0 && (
          <Col xs={24} xl={12}>
            <RecentContacts />
          </Col>
        )}
      </Row>
    </Space>
  );
}
