import { DeleteOutlined, DownOutlined, EyeOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/useCurrentSession';
import type { ListState } from './useListState';
import { useViews } from './useViews';
import { isViewModified, mayEditView, stateToView, type SavedView } from './views';

interface ViewBarProps {
  objectType: string;
  state: ListState;
  columns: readonly string[];
  defaultSort: string;
  /** A view chosen (null: back to all records). */
  onApply: (view: SavedView | null) => void;
  testIdPrefix: string;
}

/** Saved views of a list: pick one, save the list as a new one, save changes to one's own, delete it. */
export function ViewBar({ objectType, state, columns, defaultSort, onApply, testIdPrefix }: ViewBarProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user, membership } = useCurrentSession();
  const { views, isPending, create, update, remove } = useViews(objectType);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const current = views.find((v) => v.id === state.view) ?? null;
  const editable = current !== null && mayEditView(current, user.id, membership.role);
  const modified = current !== null && isViewModified(current, state, columns, defaultSort);
  const mayShare = membership.role === 'admin' || membership.role === 'manager';

  const fail = (err: unknown) => message.error(err instanceof Error ? err.message : t('common.unexpectedError'));
  const saveNew = async ({ name, shared }: { name: string; shared: boolean }) => {
    try {
      const view = await create.mutateAsync({ name, shared: shared ?? false, ...stateToView(state, columns) });
      setSaving(false);
      form.resetFields();
      message.success(t('lists.views.saved', { name: view.name }));
      onApply(view);
    } catch (err) {
      fail(err);
    }
  };
  const saveChanges = async () => {
    if (!current) return;
    try {
      await update.mutateAsync({ id: current.id, ...stateToView(state, columns) });
      message.success(t('lists.views.saved', { name: current.name }));
    } catch (err) {
      fail(err);
    }
  };
  const confirmDelete = () =>
    current &&
    modal.confirm({
      title: t('lists.views.deleteConfirm', { name: current.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(current.id);
          onApply(null);
        } catch (err) {
          fail(err);
        }
      },
    });

  return (
    <Space.Compact>
      <Select
        value={state.view}
        onChange={(id: string) => onApply(views.find((v) => v.id === id) ?? null)}
        loading={isPending}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        aria-label={t('lists.views.title')}
        data-testid={`${testIdPrefix}-view-select`}
        prefix={<EyeOutlined />}
        options={[
          { value: '', label: t('lists.views.all') },
          ...views.map((v) => ({
            value: v.id,
            label: (
              <span data-testid="view-option">
                {v.name}
                {v.shared && <TeamOutlined style={{ marginInlineStart: 6, opacity: 0.6 }} title={t('lists.views.shared')} />}
                {current?.id === v.id && modified ? ' *' : ''}
              </span>
            ),
          })),
        ]}
      />
      {editable && modified && (
        <Button icon={<SaveOutlined />} onClick={() => void saveChanges()} loading={update.isPending} data-testid="view-update">
          {t('lists.views.saveChanges')}
        </Button>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'new', icon: <SaveOutlined />, label: <span data-testid="view-save-new">{t('lists.views.saveNew')}</span>, onClick: () => setSaving(true) },
            ...(editable ? [{ key: 'delete', icon: <DeleteOutlined />, danger: true, label: <span data-testid="view-delete">{t('lists.views.delete')}</span>, onClick: confirmDelete }] : []),
          ],
        }}
      >
        <Button icon={<DownOutlined />} aria-label={t('lists.views.actions')} data-testid="view-menu" />
      </Dropdown>
      <Modal
        open={saving}
        title={t('lists.views.saveNew')}
        onCancel={() => setSaving(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'view-save' } }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void saveNew(values)} initialValues={{ shared: false }}>
          <Form.Item name="name" label={t('lists.views.name')} rules={[{ required: true, whitespace: true, message: t('lists.views.nameRequired') }]}>
            <Input maxLength={100} autoFocus data-testid="view-name" />
          </Form.Item>
          {mayShare && (
            <Form.Item name="shared" valuePropName="checked" extra={t('lists.views.sharedHint')}>
              <Checkbox data-testid="view-shared">{t('lists.views.shareWithEveryone')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space.Compact>
  );
}
