import type { Conversation } from '../schemas/conversation';
import { conversationAudience, type AudienceKey } from './audience';

/*
 * The agent's working set: what the local store replicates, so that signing in costs what the
 * agent works with and not the size of the company's past. Everything else (older history,
 * other contacts) is read from the server on demand. The server uses these rules to choose what
 * an initial pull sends; the client uses them to evict what has left the set, locally, with no
 * request per document.
 */

export type WorkingSetSettings = {
  /** Closed conversations in the agent's history scope stay this long after closing. */
  closedWindowMs: number;
  /** For each contact the agent is serving, this many of its latest closed conversations. */
  closedPerContact: number;
  /** At most this many closed conversations, the most recently closed first. */
  maxClosedConversations: number;
  /** The store's bounds; past them the oldest closed conversations and unused contacts go. */
  maxMessages: number;
  maxContacts: number;
};

export const DEFAULT_WORKING_SET: WorkingSetSettings = {
  closedWindowMs: 7 * 86_400_000,
  closedPerContact: 3,
  maxClosedConversations: 2_000,
  maxMessages: 50_000,
  maxContacts: 20_000,
};

/** Who is asking: the agent's id and its audience keys (agentAudienceKeys). */
export type WorkingSetScope = { agentId: string; keys: ReadonlySet<AudienceKey> };

type ScopedConversation = Pick<
  Conversation,
  'state' | 'teamId' | 'ownerId' | 'participantIds' | 'closedAt' | 'contactId'
>;

export type WorkingSetDecision =
  | { keep: true; reason: 'open' | 'recently-closed' | 'contact-history' }
  | { keep: false; reason: 'out-of-scope' | 'closed-long-ago' };

/** Whether the agent may see the conversation at all: one of its keys is in the audience. */
export const isVisible = (conversation: ScopedConversation, scope: WorkingSetScope): boolean =>
  conversationAudience(conversation).some((key) => scope.keys.has(key));

/** The agent serves it: the owner or a participant of an open conversation. */
export const isServing = (conversation: ScopedConversation, agentId: string): boolean =>
  conversation.state !== 'closed' &&
  (conversation.ownerId === agentId || conversation.participantIds.includes(agentId));

/**
 * One conversation on its own. `servedContactIds` are the contacts of the conversations the
 * agent is serving: their recent history stays whatever its age (the per-contact limit is
 * applied over the whole set, see selectWorkingSet).
 */
export function workingSetDecision(
  conversation: ScopedConversation,
  scope: WorkingSetScope,
  now: number,
  settings: WorkingSetSettings,
  servedContactIds: ReadonlySet<string>,
): WorkingSetDecision {
  if (!isVisible(conversation, scope)) return { keep: false, reason: 'out-of-scope' };
  if (conversation.state !== 'closed') return { keep: true, reason: 'open' };
  const closedAt = conversation.closedAt ?? 0;
  if (closedAt >= now - settings.closedWindowMs) return { keep: true, reason: 'recently-closed' };
  if (servedContactIds.has(conversation.contactId))
    return { keep: true, reason: 'contact-history' };
  return { keep: false, reason: 'closed-long-ago' };
}

type Candidate = ScopedConversation & { id: string };

/**
 * The working set among `candidates`: every open conversation in scope; closed ones in scope
 * that closed within the window or belong to a contact the agent is serving, at most
 * `closedPerContact` of the latter per contact and `maxClosedConversations` in all, the most
 * recently closed first. Returns the ids kept.
 */
export function selectWorkingSet(
  candidates: readonly Candidate[],
  scope: WorkingSetScope,
  now: number,
  settings: WorkingSetSettings,
): Set<string> {
  const served = new Set(
    candidates.filter((c) => isServing(c, scope.agentId)).map((c) => c.contactId),
  );
  const kept = new Set<string>();
  const closed: { id: string; closedAt: number; contactId: string; recent: boolean }[] = [];
  for (const candidate of candidates) {
    const decision = workingSetDecision(candidate, scope, now, settings, served);
    if (!decision.keep) continue;
    if (decision.reason === 'open') kept.add(candidate.id);
    else {
      const closedAt = candidate.closedAt ?? 0;
      const recent = decision.reason === 'recently-closed';
      closed.push({ id: candidate.id, closedAt, contactId: candidate.contactId, recent });
    }
  }
  closed.sort((a, b) => b.closedAt - a.closedAt || (a.id < b.id ? -1 : 1));
  const perContact = new Map<string, number>();
  let closedKept = 0;
  for (const c of closed) {
    if (closedKept >= settings.maxClosedConversations) break;
    const seen = perContact.get(c.contactId) ?? 0;
    perContact.set(c.contactId, seen + 1);
    if (!c.recent && seen >= settings.closedPerContact) continue;
    kept.add(c.id);
    closedKept += 1;
  }
  return kept;
}
