/**
 * The renderer is served from `app://atendo/` in a build, or from the Vite dev server in
 * development. Any other navigation or new window is cancelled: a link in a customer's message
 * must never replace the app, it opens in the browser through checkExternalUrl instead.
 */
export const APP_ORIGIN = 'app://atendo';

export type AppLocation = { origin: string };

export function isAppUrl(raw: string, app: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.origin === app.origin || `${url.protocol}//${url.host}` === app.origin;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/**
 * In-app navigation is allowed only within the app; a new window is never opened, but a link
 * the agent clicked may go to the browser (the caller still checks the scheme).
 */
export function decideNavigation(
  raw: string,
  app: AppLocation,
  kind: 'navigate' | 'new-window',
): NavigationDecision {
  if (kind === 'navigate' && isAppUrl(raw, app)) return { action: 'allow' };
  return { action: 'deny', openExternally: !isAppUrl(raw, app) };
}

/**
 * Maps an `app://atendo/…` request to a file below the renderer folder, refusing anything that
 * climbs out of it. Returns the relative path with forward slashes, or null.
 */
export function appAssetPath(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\\') || p.includes('\0'))) {
    return null;
  }
  return parts.length === 0 ? 'index.html' : parts.join('/');
}
