import type { DeliveryError, MediaType } from '@atendo/shared/schemas/message';
import { toDeliveryError, type WhatsAppFailure } from './errors';
import type { GraphClient, SentMessage } from './graph-client';
import type { GraphResult } from './graph-http';

/** One message Atendo asks the channel to send to a contact. */
export type WhatsAppOutbound = {
  /** Atendo's own message id, for logs and for matching the outcome. */
  messageId: string;
  /** The contact's WhatsApp id or phone number in E.164 digits. */
  to: string;
  content: OutboundContent;
};

export type OutboundContent =
  | { type: 'text'; body: string; previewUrl?: boolean }
  | {
      type: 'media';
      mediaType: MediaType;
      bytes: Uint8Array;
      mimeType: string;
      fileName: string;
      caption?: string;
    }
  | {
      type: 'template';
      name: string;
      language: string;
      /** Keys "1", "2", … for positional parameters; names for named ones. */
      params: Record<string, string>;
    };

export type SendOutcome =
  | { ok: true; messageId: string; channelMessageId: string; waId: string | null }
  | {
      ok: false;
      messageId: string;
      error: DeliveryError;
      /** The 24 h window is over (131047): the server marks it closed and offers templates. */
      closesWindow: boolean;
      /** Still retryable after our own attempts ran out (rate limits): the agent may resend. */
      retryable: boolean;
      attempts: number;
    };

/** Sends one message through the client; media is uploaded first and sent by its new id. */
export async function sendOutbound(
  graph: GraphClient,
  outbound: WhatsAppOutbound,
): Promise<SendOutcome> {
  const { content, to } = outbound;
  if (content.type === 'text') {
    const request = { body: content.body, previewUrl: content.previewUrl ?? false };
    return outcomeOf(outbound, await graph.sendText(to, request));
  }
  if (content.type === 'template') {
    return outcomeOf(outbound, await graph.sendTemplate(to, content));
  }
  const upload = await graph.uploadMedia(content);
  if (!upload.ok) return failed(outbound, upload.failure, upload.attempts);
  const media = {
    mediaType: content.mediaType,
    mediaId: upload.value.id,
    fileName: content.fileName,
  };
  const sent = await graph.sendMedia(
    to,
    content.caption === undefined ? media : { ...media, caption: content.caption },
  );
  return outcomeOf(outbound, sent);
}

function outcomeOf(outbound: WhatsAppOutbound, result: GraphResult<SentMessage>): SendOutcome {
  if (!result.ok) return failed(outbound, result.failure, result.attempts);
  return {
    ok: true,
    messageId: outbound.messageId,
    channelMessageId: result.value.wamid,
    waId: result.value.waId,
  };
}

export function failed(
  outbound: WhatsAppOutbound,
  failure: WhatsAppFailure,
  attempts: number,
): SendOutcome {
  return {
    ok: false,
    messageId: outbound.messageId,
    error: toDeliveryError(failure),
    closesWindow: failure.closesWindow,
    retryable: failure.retryable,
    attempts,
  };
}
