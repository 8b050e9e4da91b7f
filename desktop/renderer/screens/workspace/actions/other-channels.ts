import type { OtherChannelConversation } from '@atendo/server/services/history';

/** One of the contact's open conversations on another channel, as the server lists it. */
export type OtherChannelItem = OtherChannelConversation;

/**
 * Whether the agent can open the conversation here, and if not, why. The server lists every
 * open conversation of the contact, but the workspace only shows what the agent's local store
 * holds (their own, their teams' queues, everything for supervisors), so "in the store" is the
 * test; the reasons say what to do about the rest.
 */
export type Reach =
  | { kind: 'open' }
  /** Held by someone in a conversation the agent may not read: the server says who only. */
  | { kind: 'not-yours'; ownerName: string | null }
  | { kind: 'served-by-other'; ownerName: string | null }
  | { kind: 'other-queue'; teamId: string }
  | { kind: 'bot' }
  | { kind: 'awaiting-csat' }
  | { kind: 'syncing' };

export function reachOf(item: OtherChannelItem, local: boolean, myId: string): Reach {
  if (!item.readable) return { kind: 'not-yours', ownerName: item.ownerName };
  if (local) return { kind: 'open' };
  // Ours but not in the store yet: the change feed has not delivered it so far.
  if (item.ownerId === myId) return { kind: 'syncing' };
  if (item.ownerId !== null) return { kind: 'served-by-other', ownerName: item.ownerName };
  switch (item.state) {
    case 'queued':
      return { kind: 'other-queue', teamId: item.teamId };
    case 'bot':
      return { kind: 'bot' };
    case 'awaiting_csat':
      return { kind: 'awaiting-csat' };
    default:
      return { kind: 'syncing' };
  }
}
