/** The label of the command key of this computer: ⌘ on Apple devices, Ctrl elsewhere. */
export function modKeyLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
}
