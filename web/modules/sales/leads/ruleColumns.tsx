import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';

/** The last two columns of both rule tables: the active switch and delete (asked first). */
export function ruleActionColumns<T extends { id: string; name: string; active: boolean }>(t: TFunction, onToggle: (rule: T) => void, onDelete: (id: string) => void): ColumnsType<T> {
  return [
    { key: 'active', title: t('leadRules.active'), width: 80, render: (_, rule) => <Switch size="small" checked={rule.active} onChange={() => onToggle(rule)} /> },
    {
      key: 'delete',
      width: 50,
      render: (_, rule) => (
        <Popconfirm title={t('leadRules.deleteConfirm', { name: rule.name })} onConfirm={() => onDelete(rule.id)} okButtonProps={{ danger: true }}>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    },
  ];
}
