import { useEffect } from 'react';
import { isTyping } from '../../app/useShortcuts';

/** Whether Esc belongs to something open above the list (a dialog, a dropdown): closed dialogs stay in the page hidden. */
function overlayOpen(): boolean {
  const shown = (el: Element) => getComputedStyle(el).display !== 'none';
  return [...document.querySelectorAll('.ant-modal-wrap, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover')].some((el) => shown(el) && !/-hidden\b/.test(el.className));
}

/** Shortcuts of a record list: `f` focuses the filter builder, Esc clears the selection. */
export function useListShortcuts(onFilter: () => void, onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape' && !overlayOpen()) {
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
