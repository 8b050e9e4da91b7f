import type {
  AgentContext,
  NotificationEvent,
  NotificationKind,
} from '@atendo/shared/ipc/contract';
import type { NotificationSettings } from '@atendo/shared/ipc/settings';

export type ShellState = {
  windowFocused: boolean;
  agent: AgentContext;
  settings: NotificationSettings;
};

export type NotificationPlan = {
  kind: NotificationKind;
  conversationId: string;
  title: string;
  body: string;
  /** A file name under the app's sounds folder, or null for a silent notification. */
  sound: string | null;
  /** Stay on screen until clicked or dismissed (Windows toast "reminder", macOS alert). */
  persistent: boolean;
  /** Replaces an earlier notification about the same conversation instead of stacking. */
  tag: string;
};

export type NotificationRouting =
  { show: true; plan: NotificationPlan } | { show: false; reason: NotificationSkipReason };

export type NotificationSkipReason =
  | 'not-signed-in'
  | 'do-not-disturb'
  | 'presence-offline'
  | 'disabled-in-settings'
  | 'not-my-team'
  | 'not-my-conversation'
  | 'not-for-me'
  | 'window-focused'
  | 'presence-away'
  | 'call-not-ringing';

export const NOTIFICATION_SOUNDS: Record<NotificationKind, string> = {
  'queue-arrival': 'queue-arrival.wav',
  'new-message': 'new-message.wav',
  transfer: 'transfer.wav',
  invite: 'transfer.wav',
};

const SETTING_FOR: Record<NotificationKind, keyof NotificationSettings> = {
  'queue-arrival': 'queueArrivals',
  'new-message': 'newMessages',
  transfer: 'transfers',
  invite: 'transfers',
};

/** Is this event about the signed-in agent? Each kind has its own audience. */
function audienceSkip(event: NotificationEvent, me: string, state: ShellState) {
  switch (event.kind) {
    case 'queue-arrival':
      return state.agent.teamIds.includes(event.teamId) ? null : 'not-my-team';
    case 'new-message': {
      const mine = event.ownerId === me || event.participantIds.includes(me);
      if (!mine) return 'not-my-conversation';
      // With the window focused the agent sees the message in the app; a popup would only
      // cover their work.
      return state.windowFocused ? 'window-focused' : null;
    }
    case 'transfer':
    case 'invite':
      return event.targetAgentId === me ? null : 'not-for-me';
  }
}

/**
 * Decides whether a domain event becomes a native notification for this agent, and how it
 * looks and sounds. Do-not-disturb silences everything; "away" still gets transfers and
 * invites (someone is waiting on them personally) but not queue or message noise.
 */
export function routeNotification(
  event: NotificationEvent,
  state: ShellState,
): NotificationRouting {
  const me = state.agent.agentId;
  if (me === null) return { show: false, reason: 'not-signed-in' };
  if (state.settings.doNotDisturb) return { show: false, reason: 'do-not-disturb' };
  if (state.agent.presence === 'offline') return { show: false, reason: 'presence-offline' };
  if (!state.settings[SETTING_FOR[event.kind]]) {
    return { show: false, reason: 'disabled-in-settings' };
  }
  const skip = audienceSkip(event, me, state);
  if (skip) return { show: false, reason: skip };
  const personal = event.kind === 'transfer' || event.kind === 'invite';
  if (state.agent.presence === 'away' && !personal) {
    return { show: false, reason: 'presence-away' };
  }
  return {
    show: true,
    plan: {
      kind: event.kind,
      conversationId: event.conversationId,
      title: event.title,
      body: event.body,
      sound: state.settings.sound ? NOTIFICATION_SOUNDS[event.kind] : null,
      persistent:
        personal || (event.kind === 'queue-arrival' && state.settings.persistQueueArrivals),
      tag: `${event.kind}:${event.conversationId}`,
    },
  };
}

/**
 * A ringing softphone call is personal, like a transfer: shown unless do-not-disturb or
 * offline. Answered and ended events only update the screen, they never pop up.
 */
export function routeCallNotification(
  event: 'ringing' | 'answered' | 'ended',
  state: ShellState,
): { show: true; sound: string | null } | { show: false; reason: NotificationSkipReason } {
  if (state.settings.doNotDisturb) return { show: false, reason: 'do-not-disturb' };
  if (state.agent.presence === 'offline') return { show: false, reason: 'presence-offline' };
  if (event !== 'ringing') return { show: false, reason: 'call-not-ringing' };
  return { show: true, sound: state.settings.sound ? 'incoming-call.wav' : null };
}
