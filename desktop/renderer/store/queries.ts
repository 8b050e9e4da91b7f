import { map, type Observable } from 'rxjs';
import type { DeepReadonly, RxDocument } from 'rxdb';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Disposition, Tag, Template } from '@atendo/shared/schemas/catalog';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import type { AtendoDatabase } from './database';

/**
 * The reactive reads the screens use. Each emits plain read-only data at once from the local
 * store and again on every change, whatever the state of the network.
 */

const plain = <T>(docs: RxDocument<T>[]): DeepReadonly<T>[] => docs.map((doc) => doc.toJSON());

export function createQueries(db: AtendoDatabase) {
  /** Queued conversations of the agent's teams, longest waiting first. */
  const queuedConversations$ = (
    teamIds: readonly string[],
  ): Observable<DeepReadonly<Conversation>[]> =>
    db.conversations
      .find({
        selector: { state: 'queued', teamId: { $in: [...teamIds] } },
        sort: [{ updatedAt: 'asc' }],
      })
      .$.pipe(
        map(plain),
        map((list) =>
          [...list].sort((a, b) => (a.queuedAt ?? a.updatedAt) - (b.queuedAt ?? b.updatedAt)),
        ),
      );

  /** Active conversations the agent owns or takes part in, most recently changed first. */
  const myActiveConversations$ = (agentId: string): Observable<DeepReadonly<Conversation>[]> =>
    db.conversations
      .find({
        selector: {
          state: 'active',
          $or: [{ ownerId: agentId }, { participantIds: { $elemMatch: { $eq: agentId } } }],
        },
        sort: [{ updatedAt: 'desc' }],
      })
      .$.pipe(map(plain));

  /** The newest `limit` messages of a conversation, in reading order (oldest first). */
  const latestMessages$ = (
    conversationId: string,
    limit: number,
  ): Observable<DeepReadonly<Message>[]> =>
    db.messages
      .find({ selector: { conversationId }, sort: [{ createdAt: 'desc' }], limit })
      .$.pipe(map((docs) => plain(docs).reverse()));

  /** Screen-pop: the contact with this E.164 number, if the agent may see one. */
  const contactByPhone$ = (phone: string): Observable<DeepReadonly<Contact> | null> =>
    db.contacts
      .findOne({ selector: { phones: { $elemMatch: { $eq: phone } } } })
      .$.pipe(map((doc) => doc?.toJSON() ?? null));

  /** Templates of a channel that a team may use (an empty team list means every team). */
  const templatesFor$ = (channelId: string, teamId: string): Observable<DeepReadonly<Template>[]> =>
    db.templates.find({ selector: { channelId }, sort: [{ id: 'asc' }] }).$.pipe(
      map(plain),
      map((list) => list.filter((t) => t.teamIds.length === 0 || t.teamIds.includes(teamId))),
      map((list) => [...list].sort((a, b) => a.name.localeCompare(b.name))),
    );

  const tagsForTeam$ = (teamId: string): Observable<DeepReadonly<Tag>[]> =>
    db.tags.find({ selector: { teamId }, sort: [{ id: 'asc' }] }).$.pipe(
      map(plain),
      map((list) => [...list].sort((a, b) => a.name.localeCompare(b.name))),
    );

  /** Active dispositions of a team; the UI nests them by parentId. */
  const dispositionsForTeam$ = (teamId: string): Observable<DeepReadonly<Disposition>[]> =>
    db.dispositions
      .find({ selector: { teamId, active: true }, sort: [{ id: 'asc' }] })
      .$.pipe(map(plain));

  /** The live quick replies of the agent's teams, by shortcut (the `/` composer reads them). */
  const quickRepliesFor$ = (teamIds: readonly string[]): Observable<DeepReadonly<QuickReply>[]> =>
    db.directory.find({ selector: { type: 'quickReply' } }).$.pipe(
      map((docs) =>
        docs
          .flatMap((doc) => {
            const reply = doc.toJSON().quickReply;
            return reply !== undefined && reply.active && teamIds.includes(reply.teamId)
              ? [reply]
              : [];
          })
          .sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
      ),
    );

  const agent$ = (agentId: string): Observable<DeepReadonly<Agent> | null> =>
    db.directory.findOne(`agent:${agentId}`).$.pipe(map((doc) => doc?.toJSON().agent ?? null));

  /** The name shown for an agent id; the id itself while the directory has not synced yet. */
  const agentName$ = (agentId: string): Observable<string> =>
    agent$(agentId).pipe(map((agent) => agent?.name ?? agentId));

  return {
    queuedConversations$,
    myActiveConversations$,
    latestMessages$,
    contactByPhone$,
    templatesFor$,
    tagsForTeam$,
    dispositionsForTeam$,
    quickRepliesFor$,
    agent$,
    agentName$,
  };
}

export type StoreQueries = ReturnType<typeof createQueries>;
