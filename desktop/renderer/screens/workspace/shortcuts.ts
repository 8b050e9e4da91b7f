/** The workspace's keyboard shortcuts, in one table for the handler and the help overlay. */
export type ShortcutAction = 'nextQueued' | 'template' | 'transfer' | 'close' | 'help' | 'search';

export type Shortcut = {
  action: ShortcutAction;
  /** KeyboardEvent.code, so the shortcut works whatever the keyboard layout types. */
  code: string;
  alt: boolean;
  /** As shown to the agent. */
  keys: string;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextQueued', code: 'KeyN', alt: true, keys: 'Alt + N' },
  { action: 'template', code: 'KeyM', alt: true, keys: 'Alt + M' },
  { action: 'transfer', code: 'KeyT', alt: true, keys: 'Alt + T' },
  { action: 'close', code: 'KeyF', alt: true, keys: 'Alt + F' },
  { action: 'search', code: 'Slash', alt: true, keys: 'Alt + /' },
  { action: 'help', code: 'F1', alt: false, keys: 'F1' },
];

export function shortcutFor(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  const match = SHORTCUTS.find((s) => s.code === event.code && s.alt === event.altKey);
  return match?.action ?? null;
}
