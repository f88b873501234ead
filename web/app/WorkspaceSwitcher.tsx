import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { useCurrentSession } from './useCurrentSession';

/** The current workspace's name; a menu to move to another one when the user belongs to several. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { workspace, workspaces } = useCurrentSession();
  const { message } = App.useApp();

  const name = (
    <Typography.Text strong ellipsis data-testid="workspace-name" style={{ maxWidth: '40vw' }}>
      {workspace.name}
    </Typography.Text>
  );
  if (!workspaces || workspaces.length < 2) return name;

  const switchTo = async (workspaceId: string) => {
    try {
      await api.post('/auth/switch-workspace', { workspaceId });
      // A fresh start: nothing of the previous workspace may linger in caches or forms.
      window.location.assign('/');
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.unexpectedError'));
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [workspace.id],
        items: workspaces.map((w) => ({ key: w.id, label: `${w.name} · ${t(`roles.${w.role}.label`)}` })),
        onClick: ({ key }) => {
          if (key !== workspace.id) void switchTo(key);
        },
      }}
    >
      <Button type="text" aria-label={t('nav.switchWorkspace')} style={{ paddingInline: 4 }}>
        {name}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
