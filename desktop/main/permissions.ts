import { isAppUrl, type AppLocation } from './navigation-guard';

/**
 * Which web permissions the workspace may use. Electron grants every permission by default,
 * so without handlers a page that got script into the renderer could use the camera,
 * microphone, location, USB or serial devices without asking anyone. The workspace needs only
 * notifications (the browser build's Notification API; the desktop notifies from main) and
 * writing sanitized text to the clipboard (copy buttons); external links and calls go through
 * main's own checks (checkExternalUrl, the dialer), never through the page.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [
  'notifications',
  'clipboard-sanitized-write',
];

export type PermissionDecision =
  { allow: true } | { allow: false; reason: 'not-needed' | 'foreign-origin' | 'subframe' };

export type PermissionQuery = {
  permission: string;
  /** requestingOrigin of a check, details.requestingUrl of a request. */
  origin: string | undefined;
  /** A frame inside the page (the workspace has none of its own). */
  isMainFrame: boolean;
  app: AppLocation;
};

/** One rule for both checks and requests: the app's own main frame, needed permissions only. */
export function decidePermission(query: PermissionQuery): PermissionDecision {
  if (!ALLOWED_PERMISSIONS.includes(query.permission))
    return { allow: false, reason: 'not-needed' };
  if (!isAppUrl(query.origin ?? '', query.app)) return { allow: false, reason: 'foreign-origin' };
  if (!query.isMainFrame) return { allow: false, reason: 'subframe' };
  return { allow: true };
}
