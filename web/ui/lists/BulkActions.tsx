import { CloseOutlined, DeleteOutlined, EditOutlined, TagOutlined, TagsOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkDelete, bulkUpdate } from './bulk';
import { editorValue, failuresOf, type BulkResults } from './bulkResults';
import type { ListField } from './fields';
import { fieldPatch, tagItems, type ListRecord } from './records';
import { ValueEditor } from './ValueEditor';

type Action = 'owner' | 'addTag' | 'removeTag' | 'field';

interface BulkActionsProps<T extends ListRecord> {
  path: string;
  selected: readonly T[];
  /** Fields "set a field" offers. */
  settable: readonly ListField[];
  onClear: () => void;
}

const OWNER_FIELD: ListField = { name: 'ownerId', type: 'uuid', sortable: false, label: '', kind: 'member', custom: false };

/** What to do with the selected rows: owner, tags, a field, delete; reports how many succeeded and why others failed. */
export function BulkActions<T extends ListRecord>({ path, selected, settable, onClear }: BulkActionsProps<T>) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState('');
  const [fieldName, setFieldName] = useState<string>('');
  const [running, setRunning] = useState(false);
  const field = settable.find((f) => f.name === fieldName);

  const open = (next: Action) => {
    setValue('');
    setFieldName(next === 'field' ? (settable[0]?.name ?? '') : '');
    setAction(next);
  };

  const report = (results: BulkResults, ids: readonly string[]) => {
    void queryClient.invalidateQueries({ queryKey: [path] });
    const failures = failuresOf(results, ids, selected);
    if (failures.length === 0) {
      message.success(<span data-testid="bulk-result">{t('lists.bulk.done', { count: results.succeeded })}</span>);
      onClear();
      return;
    }
    modal.warning({
      title: t('lists.bulk.partly', { succeeded: results.succeeded, failed: results.failed }),
      content: (
        <ul data-testid="bulk-result" style={{ paddingInlineStart: 18, maxHeight: 280, overflowY: 'auto' }}>
          {failures.map((f, i) => (
            <li key={i}>
              <Typography.Text strong>{f.row?.name ?? '—'}</Typography.Text>: {f.message}
            </li>
          ))}
        </ul>
      ),
    });
  };

  const run = async (work: () => Promise<[BulkResults, string[]] | null>) => {
    setRunning(true);
    try {
      const done = await work();
      setAction(null);
      if (done) report(...done);
      else message.info(t('lists.bulk.nothing'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.unexpectedError'));
    } finally {
      setRunning(false);
    }
  };

  const update = async (items: ({ id: string } & Record<string, unknown>)[]): Promise<[BulkResults, string[]] | null> =>
    items.length ? [await bulkUpdate(path, items), items.map((i) => i.id)] : null;

  const submit = () =>
    run(async () => {
      switch (action) {
        case 'owner':
          return update(selected.map((row) => ({ id: row.id, ownerId: value || null })));
        case 'addTag':
        case 'removeTag':
          return update(tagItems(selected, value, action === 'addTag' ? 'add' : 'remove'));
        case 'field':
          return field ? update(selected.map((row) => ({ id: row.id, ...fieldPatch(field.name, editorValue(field.kind, value)) }))) : null;
        default:
          return null;
      }
    });

  const confirmDelete = () =>
    modal.confirm({
      title: t('lists.bulk.deleteConfirm', { count: selected.length }),
      content: t('lists.bulk.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'bulk-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          const ids = selected.map((r) => r.id);
          return [await bulkDelete(path, ids), ids];
        }),
    });

  const tagsOfSelected = [...new Set(selected.flatMap((r) => r.tags ?? []))];
  const editor = (() => {
    switch (action) {
      case 'owner':
        return <ValueEditor field={OWNER_FIELD} op="eq" value={value} onChange={setValue} testId="bulk-owner" style={{ width: '100%' }} />;
      case 'addTag':
        return <Input value={value} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void submit()} maxLength={50} autoFocus placeholder={t('lists.bulk.tagPlaceholder')} data-testid="bulk-tag" />;
      case 'removeTag':
        return <Select value={value || undefined} onChange={(v: string) => setValue(v)} style={{ width: '100%' }} options={tagsOfSelected.map((tag) => ({ value: tag, label: tag }))} placeholder={t('lists.bulk.pickTag')} data-testid="bulk-tag" />;
      case 'field':
        return (
          <Flex vertical gap={12}>
            <Select
              value={fieldName || undefined}
              onChange={(name: string) => {
                setFieldName(name);
                setValue('');
              }}
              showSearch={{ optionFilterProp: 'label' }}
              options={settable.map((f) => ({ value: f.name, label: f.label }))}
              aria-label={t('lists.filter.field')}
              data-testid="bulk-field"
            />
            {field && <ValueEditor field={field} op="eq" value={value} onChange={setValue} testId="bulk-value" style={{ width: '100%' }} />}
            {field && !field.required && <Typography.Text type="secondary">{t('lists.bulk.emptyClears')}</Typography.Text>}
          </Flex>
        );
      default:
        return null;
    }
  })();
  const ready = action === 'owner' || action === 'field' ? !(field?.required && value === '') : value.trim() !== '';

  return (
    <Flex align="center" gap={8} wrap data-testid="bulk-bar" style={{ padding: '8px 12px', background: 'var(--ant-color-primary-bg, #e6f4ff)', borderRadius: 8, marginBottom: 12 }}>
      <Typography.Text strong data-testid="bulk-count">
        {t('lists.bulk.selected', { count: selected.length })}
      </Typography.Text>
      <Space wrap size={4}>
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => open('owner')} data-testid="bulk-assign">
          {t('lists.bulk.assign')}
        </Button>
        <Button size="small" icon={<TagOutlined />} onClick={() => open('addTag')} data-testid="bulk-add-tag">
          {t('lists.bulk.addTag')}
        </Button>
        <Button size="small" icon={<TagsOutlined />} onClick={() => open('removeTag')} disabled={tagsOfSelected.length === 0} data-testid="bulk-remove-tag">
          {t('lists.bulk.removeTag')}
        </Button>
        <Button size="small" icon={<EditOutlined />} onClick={() => open('field')} disabled={settable.length === 0} data-testid="bulk-set-field">
          {t('lists.bulk.setField')}
        </Button>
        <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="bulk-delete">
          {t('common.delete')}
        </Button>
      </Space>
      <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} data-testid="bulk-clear" title="Esc">
        {t('lists.bulk.clear')}
      </Button>
      <Modal
        open={action !== null}
        title={action && t(`lists.bulk.${action === 'owner' ? 'assign' : action === 'field' ? 'setField' : action}`)}
        onCancel={() => setAction(null)}
        onOk={() => void submit()}
        okText={t('lists.bulk.apply', { count: selected.length })}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !ready, 'data-testid': 'bulk-apply' } }
        confirmLoading={running}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={t('lists.bulk.appliesTo', { count: selected.length })} />
          {editor}
        </Flex>
      </Modal>
    </Flex>
  );
}
