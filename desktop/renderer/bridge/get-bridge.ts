import type { AtendoBridge } from '@atendo/shared/ipc/contract';
import { createBrowserBridge } from './browser-fallback';

declare global {
  // Augmenting the global Window needs an interface: a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the desktop preload; absent in a plain browser. */
    atendo?: AtendoBridge;
  }
}

let cached: AtendoBridge | null = null;

/** Native notifications are silent; the app plays its own sound per kind. */
function playSounds(bridge: AtendoBridge): void {
  bridge.on('event:play-sound', ({ sound }) => {
    void new Audio(`./sounds/${sound}`).play().catch(() => undefined);
  });
}

/**
 * The one way the workspace talks to the operating system: the desktop bridge when the app
 * runs in Electron, otherwise a browser fallback with the same type.
 */
export function getBridge(): AtendoBridge {
  if (cached) return cached;
  if (window.atendo) {
    cached = window.atendo;
    playSounds(cached);
  } else {
    cached = createBrowserBridge({ window, storage: window.localStorage });
  }
  return cached;
}

export const isDesktopShell = (): boolean => window.atendo !== undefined;
