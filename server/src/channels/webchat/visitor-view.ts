import type { Message } from '@atendo/shared/schemas/message';
import type { VisitorMessage } from './protocol';

/**
 * What of a conversation's timeline the visitor may see: its own messages and what was sent to
 * it. Internal notes and system events (taken, transferred, tags) stay inside the contact center.
 */
export function visitorMessage(
  message: Message,
  agentName: (agentId: string) => string | null,
): VisitorMessage | null {
  if (message.direction === 'internal' || message.kind === 'note' || message.kind === 'system') {
    return null;
  }
  return {
    id: message.id,
    direction: message.direction,
    kind: message.kind,
    body: message.body,
    authorName: message.authorAgentId ? agentName(message.authorAgentId) : null,
    attachments: message.attachments.map(({ id, fileName, mimeType, size }) => ({
      id,
      fileName,
      mimeType,
      size,
    })),
    createdAt: message.createdAt,
  };
}
