/**
 * The timeline's scrolling decisions, kept apart from React and the DOM so each one can be
 * tested on its own: which rows exist, when older messages are fetched, and what a change of
 * the last row does to the view. Keeping a reader's place when older rows are prepended is done
 * by the virtualiser itself (`anchorTo: 'end'`), which finds the visible row again by its key.
 */

/** How many messages a conversation opens with. */
export const TIMELINE_FIRST_PAGE = 300;
/** How many more each time the agent reaches the top. */
export const TIMELINE_PAGE = 200;
/** Older messages are fetched once the first visible row is this close to the top. */
export const LOAD_OLDER_MARGIN = 5;

/** Rows in reading order: messages, then what this machine has not delivered yet. */
export type TimelineRow<M, O> =
  | { kind: 'message'; key: string; mine: boolean; message: M }
  | { kind: 'outbox'; key: string; mine: true; item: O };

type RowMessage = {
  id: string;
  clientId: string | null;
  direction: string;
  authorAgentId: string | null;
};

/**
 * A delivered message is keyed by its client id when it has one, which is the id its outbox
 * item had: the bubble keeps its key (and its measured height) when the pending send turns into
 * the replicated message, so the list does not see a removal and an insertion.
 */
export function timelineRows<M extends RowMessage, O extends { id: string }>(
  messages: readonly M[],
  outbox: readonly O[],
  myId: string,
): TimelineRow<M, O>[] {
  return [
    ...messages.map((message) => ({
      kind: 'message' as const,
      key: message.clientId ?? message.id,
      mine: message.direction === 'outbound' && message.authorAgentId === myId,
      message,
    })),
    ...outbox.map((item) => ({ kind: 'outbox' as const, key: item.id, mine: true as const, item })),
  ];
}

/**
 * The store is asked for one message more than the window holds: when it answers with more
 * than `limit`, older messages exist, and the extra one (the oldest) is not shown.
 */
export function messageWindow<T>(
  oldestFirst: readonly T[],
  limit: number,
): { messages: readonly T[]; hasOlder: boolean } {
  const hasOlder = oldestFirst.length > limit;
  return {
    messages: hasOlder ? oldestFirst.slice(oldestFirst.length - limit) : oldestFirst,
    hasOlder,
  };
}

export type LoadOlderInput = {
  /** Index of the first row on screen (not counting rows rendered ahead of the viewport). */
  firstVisibleIndex: number;
  hasOlder: boolean;
  loading: boolean;
};

/**
 * Asked on every scroll of the timeline, and only then: a freshly mounted list is at the top for
 * a moment before it is scrolled to the latest message, and that moment must not load a page.
 */
export function shouldLoadOlder(input: LoadOlderInput): boolean {
  return input.hasOlder && !input.loading && input.firstVisibleIndex <= LOAD_OLDER_MARGIN;
}

export type EdgeChange = {
  prevLastKey: string | null;
  nextLastKey: string | null;
  /** Whether the agent was reading the end before this change. */
  wasAtEnd: boolean;
  /** The new last row was sent by this agent (a pending send or their own message). */
  lastIsMine: boolean;
  /** Whether the "new messages" button was showing before this change. */
  unseen: boolean;
};

export type EdgeReaction = { scrollToEnd: boolean; unseen: boolean };

/**
 * What a change at the end of the timeline does. An agent reading the latest messages keeps
 * seeing the latest; an agent who scrolled up to read is not pulled away by the contact's new
 * message, but is told it is there; their own send always shows, since they just wrote it.
 * Changes elsewhere (older messages prepended) leave the view and the notice alone.
 */
export function reactToEdgeChange(change: EdgeChange): EdgeReaction {
  const { prevLastKey, nextLastKey, wasAtEnd, lastIsMine, unseen } = change;
  if (nextLastKey === null) return { scrollToEnd: false, unseen: false };
  if (prevLastKey === null) return { scrollToEnd: true, unseen: false };
  if (nextLastKey === prevLastKey) return { scrollToEnd: false, unseen };
  if (wasAtEnd || lastIsMine) return { scrollToEnd: true, unseen: false };
  return { scrollToEnd: false, unseen: true };
}
