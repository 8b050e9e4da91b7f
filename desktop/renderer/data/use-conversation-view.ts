import { customerServiceWindow, windowOnOtherNumber } from '@atendo/shared/rules/messaging-window';
import { canSend } from '@atendo/shared/rules/permissions';
import { useAllConversations, useContacts, useConversation } from './use-collections';
import { useDirectory } from './use-directory';
import { useNow } from './use-now';
import { useActor } from './workspace-context';
import { accessOf } from './access';

/**
 * Everything the conversation screen shows, from the local store, with the shared rules'
 * verdicts: may this agent write here, and is the customer-service window open.
 */
export function useConversationView(conversationId: string) {
  const actor = useActor();
  const now = useNow(30_000);
  const conversation = useConversation(conversationId);
  const contacts = useContacts();
  const directory = useDirectory();
  const all = useAllConversations();
  if (conversation === null) return null;
  const channel = directory.channels.get(conversation.channelId) ?? null;
  const team = directory.teams.get(conversation.teamId) ?? null;
  const contact = contacts.get(conversation.contactId) ?? null;
  const window =
    channel === null
      ? ({ kind: 'none' } as const)
      : customerServiceWindow({
          channelKind: channel.kind,
          lastInboundAt: conversation.lastInboundAt,
          now,
        });
  const otherNumber = windowOnOtherNumber({
    channelId: conversation.channelId,
    window,
    now,
    conversations: all
      .filter((c) => c.contactId === conversation.contactId)
      .map((c) => ({
        channelId: c.channelId,
        channelKind: directory.channels.get(c.channelId)?.kind ?? null,
        lastInboundAt: c.lastInboundAt,
      })),
  });
  const sendDecision = canSend(actor, accessOf(conversation));
  const owner =
    conversation.ownerId === null ? null : (directory.agents.get(conversation.ownerId) ?? null);
  return {
    conversation,
    channel,
    team,
    contact,
    owner,
    now,
    window,
    /** The contact wrote lately to another WhatsApp number: its window does not count here. */
    otherNumber,
    mayWrite: sendDecision.ok,
    freeMessagesAllowed: sendDecision.ok && window.kind !== 'closed',
  };
}

export type ConversationViewData = NonNullable<ReturnType<typeof useConversationView>>;
