import { Modal, type InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchPanel } from './SearchPanel';

interface SearchPaletteProps {
  open: boolean;
  onClose: () => void;
}

/** The global search (Ctrl/⌘ K, `/`, or the box in the header) as a command palette. */
export function SearchPalette({ open, onClose }: SearchPaletteProps) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      destroyOnHidden
      width={640}
      style={{ top: 72 }}
      styles={{ container: { padding: 0, overflow: 'hidden' } }}
      // The modal focuses itself when it opens; the box should have the focus.
      afterOpenChange={(visible) => {
        if (visible) inputRef.current?.focus();
      }}
      aria-label={t('search.open')}
      data-testid="search-palette"
    >
      <SearchPanel inputRef={inputRef} onClose={onClose} />
    </Modal>
  );
}
