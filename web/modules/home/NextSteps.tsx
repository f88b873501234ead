import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

interface NextStepsProps {
  hasColleagues: boolean;
  hasContacts: boolean;
  canInvite: boolean;
  canAddContacts: boolean;
}

/** What to do next in a new workspace: invite a colleague, add a contact (nothing once both are done). */
export function NextSteps({ hasColleagues, hasContacts, canInvite, canAddContacts }: NextStepsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showInvite = canInvite && !hasColleagues;
  const showContact = canAddContacts && !hasContacts;

  if (!showContact && !showInvite) return null;

  return (
    <Card title={t('home.nextSteps.title')} data-testid="next-steps">
      <Row gutter={[16, 16]}>
        {showContact && (
          <Col xs={24} md={showInvite ? 12 : 24}>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <Typography.Text strong>{t('home.nextSteps.contactTitle')}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t('home.nextSteps.contactText')}</Typography.Text>
                </>
              }
            >
              <Button type="primary" icon={<TeamOutlined />} onClick={() => void navigate('/contacts?new=1')} data-testid="home-add-contact">
                {t('contacts.add')}
              </Button>
            </Empty>
          </Col>
        )}
        {showInvite && (
          <Col xs={24} md={showContact ? 12 : 24}>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <Typography.Text strong>{t('home.nextSteps.inviteTitle')}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t('home.nextSteps.inviteText')}</Typography.Text>
                </>
              }
            >
              <Button icon={<UserAddOutlined />} onClick={() => void navigate('/settings/members?invite=1')} data-testid="home-invite">
                {t('members.invite')}
              </Button>
            </Empty>
          </Col>
        )}
      </Row>
    </Card>
  );
}
