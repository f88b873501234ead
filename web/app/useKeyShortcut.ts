import { useEffect, useRef } from 'react';
import { isTyping } from './useShortcuts';

/** Whether a dialog is open (then page shortcuts stay off: the key belongs to the dialog). */
function dialogOpen(): boolean {
  return [...document.querySelectorAll('.ant-modal-wrap')].some((el) => getComputedStyle(el).display !== 'none');
}

/**
 * A single-key shortcut of a page (`l` logs an interaction on a 360 page): off while typing, with a modifier,
 * or while a dialog is open. List it in ShortcutsHelp.
 */
export function useKeyShortcut(key: string, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key.toLowerCase() !== key || dialogOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
