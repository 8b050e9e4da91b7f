import { useState } from 'react';
import {
  canStartConversation,
  startDenialHint,
  type StartDenialHint,
  type StartDenialReason,
} from '@atendo/shared/rules/start-conversation';
import { customerServiceWindow, windowOnOtherNumber } from '@atendo/shared/rules/messaging-window';
import { canReachOnChannel } from '@atendo/shared/rules/start-reach';
import type { ErrorDetails } from '@atendo/shared/errors';
import type { Channel } from '@atendo/shared/schemas/channel';
import { describeApiError, type ApiFailure } from '../api/api-error';
import { useAllConversations, useContacts } from './use-collections';
import { useDirectory } from './use-directory';
import { useActor, useWorkspace } from './workspace-context';

export type StartContent =
  | { kind: 'text'; text: string }
  | { kind: 'template'; templateId: string; params: Record<string, string> };

export type StartDenial = {
  reason: StartDenialReason;
  details: ErrorDetails;
  hint: StartDenialHint;
};

const START_REASONS: readonly string[] = [
  'inbound-only-channel',
  'contact-busy',
  'in-bot',
  'awaiting-csat',
  'contact-unreachable',
  'channel-archived',
  'not-team-member',
];
export const isStartReason = (code: string): code is StartDenialReason =>
  START_REASONS.includes(code);

export const startDenial = (reason: StartDenialReason, details: ErrorDetails): StartDenial => ({
  reason,
  details,
  hint: startDenialHint(reason, details),
});

type StartChannel = Pick<Channel, 'id' | 'direction' | 'kind' | 'archived'>;

/** What the start dialog knows about writing first on a channel: the window, from local data. */
export type StartWindow = {
  needsTemplate: boolean;
  /** The contact wrote to another WhatsApp number within 24 h; that window does not count here. */
  otherNumber: { channelId: string; lastInboundAt: number } | null;
};

/**
 * Starting a conversation: the shared rule explains a refusal from local data before anything
 * is sent, and the server's refusal (it may know an owner this agent cannot see) is explained
 * the same way, with the next step.
 */
export function useStartConversation() {
  const { api } = useWorkspace();
  const actor = useActor();
  const directory = useDirectory();
  const conversations = useAllConversations();
  const contacts = useContacts();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  /**
   * Whether the contact can be written to on the channel, from the local contact; null when
   * the contact is not in the store (found by the server search): the server check answers.
   */
  const reach = (contactId: string, channel: StartChannel) => {
    const contact = contacts.get(contactId);
    const kindOf = (id: string) => directory.channels.get(id)?.kind ?? null;
    return contact === undefined ? null : canReachOnChannel({ contact, channel, kindOf });
  };

  const precheck = (contactId: string, channel: StartChannel): StartDenial | null => {
    const open =
      conversations.find(
        (c) => c.contactId === contactId && c.channelId === channel.id && c.state !== 'closed',
      ) ?? null;
    const decision = canStartConversation({
      actor,
      channel,
      open: open && {
        ...open,
        participantIds: [...open.participantIds],
        ownerName:
          open.ownerId === null ? null : (directory.agents.get(open.ownerId)?.name ?? null),
        // The local store holds only what the agent may read.
        readable: true,
      },
    });
    if (!decision.ok) return startDenial(decision.reason, decision.details);
    const reachable = open === null ? reach(contactId, channel) : null;
    return reachable?.ok === false ? startDenial(reachable.reason, reachable.details) : null;
  };

  /**
   * WhatsApp needs a template unless the contact wrote to this number in the last 24 h (the
   * server counts the same: the latest message on this channel, in any conversation).
   */
  const windowFor = (contactId: string, channel: StartChannel, now: number): StartWindow => {
    const own = conversations.filter((c) => c.contactId === contactId);
    const times = own.flatMap((c) =>
      c.channelId === channel.id && c.lastInboundAt !== null ? [c.lastInboundAt] : [],
    );
    const lastInboundAt = times.length === 0 ? null : Math.max(...times);
    const window = customerServiceWindow({ channelKind: channel.kind, lastInboundAt, now });
    const otherNumber = windowOnOtherNumber({
      channelId: channel.id,
      window,
      now,
      conversations: own.map((c) => ({
        channelId: c.channelId,
        channelKind: directory.channels.get(c.channelId)?.kind ?? null,
        lastInboundAt: c.lastInboundAt,
      })),
    });
    return { needsTemplate: window.kind === 'closed', otherNumber };
  };

  const start = async (
    contactId: string,
    channelId: string,
    teamId: string | null,
    content: StartContent,
  ): Promise<{ conversationId: string } | StartDenial | null> => {
    setPending(true);
    setFailure(null);
    try {
      const result = await api.conversation.start.mutate({
        contactId,
        channelId,
        teamId,
        clientId: crypto.randomUUID(),
        content,
      });
      return { conversationId: result.conversation.id };
    } catch (error) {
      const described = describeApiError(error);
      if (described.kind === 'atendo' && isStartReason(described.code)) {
        return startDenial(described.code, described.details);
      }
      setFailure(described);
      return null;
    } finally {
      setPending(false);
    }
  };

  return { precheck, reach, windowFor, start, pending, failure };
}
