import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { botChoiceOf, type ConversationRowData } from '../screens/workspace/list/conversation-rows';
import { useContacts, useTags } from './use-collections';
import { useDirectory } from './use-directory';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const EMPTY: DeepReadonly<Conversation>[] = [];

/** The two lists of the workspace, joined with names, channels and tags for display. */
export function useConversationRows(fallbackName: string) {
  const { store, session } = useWorkspace();
  const { agent } = session;
  const teamKey = agent.teamIds.join(',');
  const queued = useObservable(() => store.queuedConversations$(agent.teamIds), EMPTY, [
    store,
    teamKey,
  ]);
  const active = useObservable(() => store.myActiveConversations$(agent.id), EMPTY, [
    store,
    agent.id,
  ]);
  const contacts = useContacts();
  const tags = useTags();
  const directory = useDirectory();

  const toRow = (conversation: DeepReadonly<Conversation>): ConversationRowData => {
    const channel = directory.channels.get(conversation.channelId);
    const contact = contacts.get(conversation.contactId);
    return {
      conversation,
      contactName: contact?.name ?? fallbackName,
      contactKnown: contact !== undefined,
      channelKind: channel?.kind ?? null,
      channelName: channel?.name ?? '',
      botChoice: botChoiceOf(conversation, channel?.botMenu ?? null),
      tags: conversation.tagIds.flatMap((id) => {
        const tag = tags.get(id);
        return tag === undefined ? [] : [tag];
      }),
    };
  };
  const channels = [...directory.channels.values()].map((c) => ({ id: c.id, name: c.name }));
  return { queued: queued.map(toRow), active: active.map(toRow), channels };
}
