import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../contracts/roles';
import { useCurrentSession } from '../../app/useCurrentSession';

/** /settings/roles: what each role may do. */
export function RolesSettings() {
  const { t } = useTranslation();
  const { membership } = useCurrentSession();
  return (
    <Card title={t('settings.roles.title')}>
      <Typography.Paragraph type="secondary">{t('settings.roles.text')}</Typography.Paragraph>
      <Table<{ role: Role }>
        rowKey="role"
        pagination={false}
        showHeader={false}
        dataSource={ROLES.map((role) => ({ role }))}
        columns={[
          {
            key: 'label',
            width: 180,
            render: (_, { role }) => (
              <>
                <Typography.Text strong>{t(`roles.${role}.label`)}</Typography.Text>
                {membership.role === role && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('settings.roles.yours')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'description', render: (_, { role }) => t(`roles.${role}.description`) },
        ]}
      />
    </Card>
  );
}
