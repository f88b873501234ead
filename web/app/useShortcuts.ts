import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/** Two-key "go to" shortcuts: g then the letter. */
export const GO_TO: Record<string, string> = { h: '/', c: '/contacts', a: '/accounts', s: '/settings' };

/** Whether a key press is typing into a field (then single-key shortcuts stay off). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/**
 * Keyboard shortcuts of the signed-in app: Ctrl/⌘ K (also while typing) and `/` search, `g h` home,
 * `g c` contacts, `g a` accounts, `g s` settings, `?` help.
 */
export function useShortcuts(onHelp: () => void, onSearch: () => void): void {
  const navigate = useNavigate();
  useEffect(() => {
    let pendingG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        onSearch();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        onSearch();
        pendingG = 0;
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
        pendingG = 0;
        return;
      }
      const key = event.key.toLowerCase();
      if (pendingG && Date.now() - pendingG < 1500 && GO_TO[key]) {
        event.preventDefault();
        pendingG = 0;
        void navigate(GO_TO[key]);
        return;
      }
      pendingG = key === 'g' ? Date.now() : 0;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, onHelp, onSearch]);
}
