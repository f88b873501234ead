import { useEffect } from 'react';
import { isTyping } from '../../app/useShortcuts';

/** Shortcuts of a record list: `f` focuses the filter builder, Esc clears the selection. */
export function useListShortcuts(onFilter: () => void, onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape' && !document.querySelector('.ant-modal-wrap, .ant-select-open, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')) {
        onEscape();
        return;
      }
      if (event.key.toLowerCase() === 'f' && !isTyping(event.target)) {
        event.preventDefault();
        onFilter();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onFilter, onEscape]);
}
