import { useState } from 'react';
import {
  canStartConversation,
  startDenialHint,
  type StartDenialHint,
  type StartDenialReason,
} from '@atendo/shared/rules/start-conversation';
import { customerServiceWindow } from '@atendo/shared/rules/messaging-window';
import type { ErrorDetails } from '@atendo/shared/errors';
import type { Channel } from '@atendo/shared/schemas/channel';
import { describeApiError, type ApiFailure } from '../api/api-error';
import { useAllConversations } from './use-collections';
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
];
const isStartReason = (code: string): code is StartDenialReason => START_REASONS.includes(code);

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
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const precheck = (
    contactId: string,
    channel: Pick<Channel, 'id' | 'direction' | 'kind'>,
  ): StartDenial | null => {
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
    return decision.ok
      ? null
      : {
          reason: decision.reason,
          details: decision.details,
          hint: startDenialHint(decision.reason, decision.details),
        };
  };

  /** WhatsApp needs a template to open the conversation unless the contact wrote in the last 24 h. */
  const needsTemplate = (channel: Pick<Channel, 'kind'>, now: number): boolean =>
    customerServiceWindow({ channelKind: channel.kind, lastInboundAt: null, now }).kind ===
    'closed';

  const start = async (
    contactId: string,
    channelId: string,
    content: StartContent,
  ): Promise<{ conversationId: string } | StartDenial | null> => {
    setPending(true);
    setFailure(null);
    try {
      const result = await api.conversation.start.mutate({
        contactId,
        channelId,
        clientId: crypto.randomUUID(),
        content,
      });
      return { conversationId: result.conversation.id };
    } catch (error) {
      const described = describeApiError(error);
      if (described.kind === 'atendo' && isStartReason(described.code)) {
        return {
          reason: described.code,
          details: described.details,
          hint: startDenialHint(described.code, described.details),
        };
      }
      setFailure(described);
      return null;
    } finally {
      setPending(false);
    }
  };

  return { precheck, needsTemplate, start, pending, failure };
}
