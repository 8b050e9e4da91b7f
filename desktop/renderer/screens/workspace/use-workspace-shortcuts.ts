import { useEffect, useRef } from 'react';
import type { ActionRequestKind } from './actions/action-requests';
import { shortcutFor } from './shortcuts';

export type ShortcutHandlers = {
  takeNext: () => void;
  openHelp: () => void;
  request: (kind: ActionRequestKind) => void;
};

/** One keydown listener for the whole workspace, dispatching through the shortcut table. */
export function useWorkspaceShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === null) return;
      event.preventDefault();
      const h = latest.current;
      switch (action) {
        case 'nextQueued':
          h.takeNext();
          return;
        case 'help':
          h.openHelp();
          return;
        case 'search':
          document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
          return;
        case 'template':
        case 'transfer':
        case 'close':
          h.request(action);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
