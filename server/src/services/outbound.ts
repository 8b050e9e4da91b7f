import { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { canSend } from '@atendo/shared/rules/permissions';
import { canSendFreeMessage } from '@atendo/shared/rules/messaging-window';
import {
  checkTextLength,
  MAX_CAPTION_LENGTH,
  MAX_TEXT_LENGTH,
} from '@atendo/shared/rules/text-limits';
import { renderTemplate, templateAvailableTo } from '@atendo/shared/rules/templates';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { MediaType, type Attachment, type Message } from '@atendo/shared/schemas/message';
import { templateFromRow } from '../repo/catalog';
import { messageFromRow } from '../repo/messages';
import { deliverMessage } from './delivery';
import { inTransaction, type Deps, type Tx } from './deps';
import { withLastMessage, writeConversation } from './conversation-writer';
import { requireChannel, requireConversation } from './lookup';
import { storableMessageText } from '@atendo/shared/rules/storable-text';

export const OutboundContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(MAX_TEXT_LENGTH) }),
  z.object({
    kind: z.literal('template'),
    templateId: z.string().min(1).max(64),
    params: z.record(z.string().min(1).max(60), z.string().min(1).max(1024)),
  }),
  z.object({
    kind: z.literal('media'),
    attachmentIds: z.array(z.string().min(1).max(64)).min(1).max(10),
    caption: z.string().max(MAX_CAPTION_LENGTH),
  }),
]);
export type OutboundContent = z.infer<typeof OutboundContent>;

export type ComposeInput = {
  actor: Agent;
  conversation: Conversation;
  channel: Channel;
  clientId: string;
  content: OutboundContent;
  now: number;
};

/** Builds the outbound message, enforcing the window for free text and media. */
export async function composeOutbound(trx: Tx, id: string, input: ComposeInput): Promise<Message> {
  const { actor, conversation, channel, content, now } = input;
  const base = {
    id,
    conversationId: conversation.id,
    direction: 'outbound' as const,
    authorAgentId: actor.id,
    attachments: [] as Attachment[],
    template: null,
    system: null,
    status: 'queued' as const,
    error: null,
    channelMessageId: null,
    clientId: input.clientId,
    createdAt: now,
    updatedAt: now,
  };
  if (content.kind === 'template') {
    return { ...base, kind: 'template', ...(await renderFor(trx, conversation, content)) };
  }
  ensure(
    canSendFreeMessage({
      channelKind: channel.kind,
      lastInboundAt: conversation.lastInboundAt,
      now,
    }),
  );
  if (content.kind === 'text') {
    ensure(checkTextLength(content.text, channel.kind));
    return { ...base, kind: 'text', body: storableMessageText(content.text) };
  }
  const attachments = await uploadsFor(trx, conversation.id, actor.id, content.attachmentIds);
  return { ...base, kind: 'media', body: storableMessageText(content.caption), attachments };
}

async function renderFor(
  trx: Tx,
  conversation: Conversation,
  content: Extract<OutboundContent, { kind: 'template' }>,
): Promise<Pick<Message, 'body' | 'template'>> {
  const row = await trx
    .selectFrom('templates')
    .selectAll()
    .where('id', '=', content.templateId)
    .executeTakeFirst();
  const template = row ? templateFromRow(row) : null;
  const scope = { channelId: conversation.channelId, teamId: conversation.teamId };
  if (!template || !templateAvailableTo(template, scope)) {
    throw new AtendoError('template-not-found', 'template not available here', {
      templateId: content.templateId,
    });
  }
  const rendered = ensure(renderTemplate(template, content.params));
  const body = [rendered.header, rendered.body, rendered.footer]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n\n');
  return {
    body,
    template: {
      templateId: template.id,
      name: template.name,
      language: template.language,
      params: content.params,
    },
  };
}

async function uploadsFor(
  trx: Tx,
  conversationId: string,
  agentId: string,
  ids: readonly string[],
): Promise<Attachment[]> {
  const rows = await trx
    .selectFrom('uploads')
    .selectAll()
    .where('id', 'in', ids)
    .where('conversation_id', '=', conversationId)
    .where('agent_id', '=', agentId)
    .execute();
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new AtendoError('not-found', 'attachment not found', { entity: 'upload', id });
    return {
      id: row.id,
      fileName: row.file_name,
      mimeType: row.mime_type,
      size: row.size,
      mediaType: MediaType.parse(row.media_type),
      ...(row.animated ? { animated: true } : {}),
    };
  });
}

/** The message an earlier request with the same clientId stored, if any. */
export async function messageByClientId(
  trx: Tx,
  conversationId: string,
  clientId: string,
): Promise<Message | null> {
  const row = await trx
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? messageFromRow(row) : null;
}

export type SendInput = { conversationId: string; clientId: string; content: OutboundContent };

/**
 * Sends a message in a live conversation. The same clientId twice returns the first message,
 * so an outbox retry after a lost response never reaches the contact twice.
 */
export async function sendMessage(deps: Deps, actor: Agent, input: SendInput): Promise<Message> {
  const now = deps.clock.now();
  const stored = await inTransaction(deps, async (trx) => {
    const conversation = await requireConversation(trx, input.conversationId);
    ensure(canSend(actor, conversation));
    const earlier = await messageByClientId(trx, conversation.id, input.clientId);
    if (earlier) return { message: earlier, fresh: false };
    const channel = await requireChannel(trx, conversation.channelId);
    const message = await composeOutbound(trx, deps.newId(), {
      actor,
      conversation,
      channel,
      clientId: input.clientId,
      content: input.content,
      now,
    });
    const after = withLastMessage(conversation, message);
    await writeConversation(trx, { before: conversation, after, messages: [message] });
    return { message, fresh: true };
  });
  if (!stored.fresh) return stored.message;
  return (await deliverMessage(deps, stored.message.id)) ?? stored.message;
}
