import type { BadgeCounts } from '@atendo/shared/ipc/contract';
import { MAIN_MESSAGES, type MainMessages } from './messages';

export type BadgeView = {
  /** The number on the dock / taskbar / launcher icon; 0 hides it. */
  count: number;
  /** Short text for the Windows overlay and the macOS tray title. */
  label: string;
  tooltip: string;
};

/**
 * The badge counts what needs the agent: conversations waiting in their queues plus unread
 * messages in their own. Large numbers are capped in the label only, never in the count.
 */
export function badgeView(
  { queued, unread }: BadgeCounts,
  messages: MainMessages = MAIN_MESSAGES['pt-BR'],
  appName = 'Atendo',
): BadgeView {
  const count = queued + unread;
  const label = count === 0 ? '' : count > 99 ? '99+' : String(count);
  const parts: string[] = [];
  if (queued > 0) parts.push(messages.queued(queued));
  if (unread > 0) parts.push(messages.unread(unread));
  return { count, label, tooltip: parts.length > 0 ? `${appName} — ${parts.join(', ')}` : appName };
}
