import type { ConversationState } from '../schemas/conversation';
import { OPEN_STATES } from '../schemas/conversation';
import { allow, deny, type Decision } from './decision';

/**
 * What can happen to a conversation. `reopen-by-agent` is listed because the server names it,
 * but it is not a transition: an agent "reopening" a contact starts a brand-new conversation
 * (see start-conversation.ts), so `nextState` refuses it from every state.
 */
export type LifecycleEvent =
  | 'bot-routed'
  | 'bot-timeout-route'
  | 'bot-timeout-close'
  | 'take'
  | 'transfer-to-agent'
  | 'transfer-to-queue'
  | 'send-back-to-queue'
  | 'close'
  | 'force-close'
  | 'csat-answered'
  | 'csat-timeout'
  | 'reopen-by-agent';

export type LifecycleOptions = { csatEnabled?: boolean };

type Target = ConversationState | ((opts: LifecycleOptions) => ConversationState);

// Closing asks the contact for a score only when the team has CSAT on; a forced close never does.
const closeTarget = (opts: LifecycleOptions): ConversationState =>
  opts.csatEnabled ? 'awaiting_csat' : 'closed';

const TRANSITIONS: Partial<Record<ConversationState, Partial<Record<LifecycleEvent, Target>>>> = {
  bot: {
    'bot-routed': 'queued',
    'bot-timeout-route': 'queued',
    'bot-timeout-close': 'closed',
    // A supervisor may pull a contact out of the bot: to an agent, or into a team's queue.
    'transfer-to-agent': 'active',
    'transfer-to-queue': 'queued',
    'force-close': 'closed',
  },
  queued: {
    take: 'active',
    'transfer-to-agent': 'active',
    // A queued conversation can move to another team's queue without an owner in between.
    'transfer-to-queue': 'queued',
    close: closeTarget,
    'force-close': 'closed',
  },
  active: {
    'transfer-to-agent': 'active',
    'transfer-to-queue': 'queued',
    'send-back-to-queue': 'queued',
    close: closeTarget,
    'force-close': 'closed',
  },
  awaiting_csat: {
    'csat-answered': 'closed',
    'csat-timeout': 'closed',
    'force-close': 'closed',
  },
};

/** Where `event` takes a conversation in state `from`, or why it cannot happen. */
export function nextState(
  from: ConversationState,
  event: LifecycleEvent,
  opts: LifecycleOptions = {},
): Decision<'invalid-transition', { to: ConversationState }> {
  const target = TRANSITIONS[from]?.[event];
  if (target === undefined) return deny('invalid-transition', { from, event });
  return allow({ to: typeof target === 'function' ? target(opts) : target });
}

/** States in which the contact is still held on the channel (no new conversation may start). */
export const isOpenState = (state: ConversationState): boolean =>
  (OPEN_STATES as readonly ConversationState[]).includes(state);
