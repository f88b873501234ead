import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { modKeyLabel } from '../ui/modKey';

interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
}

interface Shortcut {
  keys: string[];
  /** How the keys go together: one after the other (`then`), or either of them (`or`). */
  joiner?: 'then' | 'or';
  action: string;
}

const SHORTCUTS: Shortcut[] = [
  { keys: [`${modKeyLabel()} K`, '/'], joiner: 'or', action: 'shortcuts.search' },
  { keys: ['g', 'h'], action: 'shortcuts.goHome' },
  { keys: ['g', 'c'], action: 'shortcuts.goContacts' },
  { keys: ['g', 'a'], action: 'shortcuts.goAccounts' },
  { keys: ['g', 's'], action: 'shortcuts.goSettings' },
  { keys: ['f'], action: 'shortcuts.filterList' },
  { keys: ['Esc'], action: 'shortcuts.clearSelection' },
  { keys: ['l'], action: 'timeline.shortcut' },
  { keys: ['n'], action: 'shortcuts.newDeal' },
  { keys: ['b'], action: 'shortcuts.boardView' },
  { keys: ['l'], action: 'shortcuts.listView' },
  { keys: ['d', 'w', 'm'], joiner: 'or', action: 'calendar.shortcuts.view' },
  { keys: ['t'], action: 'calendar.shortcuts.today' },
  { keys: ['←', '→'], joiner: 'or', action: 'calendar.shortcuts.move' },
  { keys: ['n'], action: 'calendar.shortcuts.new' },
  { keys: ['?'], action: 'shortcuts.help' },
];

/** The list of keyboard shortcuts (opened with `?`). */
export function ShortcutsHelp({ open, onClose }: ShortcutsHelpProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} data-testid="shortcuts-help">
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => row.action}
        dataSource={SHORTCUTS}
        columns={[
          {
            title: t('shortcuts.keys'),
            key: 'keys',
            width: 140,
            render: (_, row) =>
              row.keys.map((key, i) => (
                <span key={i}>
                  {i > 0 && ` ${t(`shortcuts.${row.joiner ?? 'then'}`)} `}
                  <Typography.Text keyboard>{key}</Typography.Text>
                </span>
              )),
          },
          { title: t('shortcuts.action'), key: 'action', render: (_, row) => t(row.action) },
        ]}
      />
    </Modal>
  );
}
