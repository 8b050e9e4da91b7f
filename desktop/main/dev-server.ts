import { z } from 'zod';
import { APP_ORIGIN } from './navigation-guard';

/**
 * `ATENDO_DEV_SERVER_URL` points the window at Vite's dev server instead of the bundled
 * renderer. That is for development only: in a packaged app anyone who can set an environment
 * variable for the agent (a shortcut, a login script, malware running as the user) could load a
 * page of their choosing with the preload bridge and the CSP opened to their host. Packaged
 * builds therefore ignore it and say so in the log.
 */
export type DevServerDecision =
  | { use: false; reason: 'not-set' }
  | { use: false; reason: 'packaged' | 'invalid'; value: string }
  | { use: true; url: string; origin: string };

const DevServerUrl = z.url({ protocol: /^https?$/ }).max(2048);

export function decideDevServer(input: {
  isPackaged: boolean;
  value: string | undefined;
}): DevServerDecision {
  const value = input.value?.trim() ?? '';
  if (value === '') return { use: false, reason: 'not-set' };
  const shown = value.slice(0, 200);
  if (input.isPackaged) return { use: false, reason: 'packaged', value: shown };
  const parsed = DevServerUrl.safeParse(value);
  if (!parsed.success) return { use: false, reason: 'invalid', value: shown };
  const url = parsed.data.replace(/\/+$/, '');
  return { use: true, url, origin: new URL(url).origin };
}

export type ShellEntry = {
  /** The dev server's address when it is used, for the CSP; null in a build. */
  devServer: string | null;
  /** The origin the navigation guard and the IPC checks treat as the app's own. */
  origin: string;
  /** What the window loads first. */
  entryUrl: string;
};

export function shellEntry(decision: DevServerDecision): ShellEntry {
  if (!decision.use) {
    return { devServer: null, origin: APP_ORIGIN, entryUrl: `${APP_ORIGIN}/index.html` };
  }
  return { devServer: decision.url, origin: decision.origin, entryUrl: decision.url };
}
