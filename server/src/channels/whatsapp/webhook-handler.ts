import { classifyCloudApiError, toDeliveryError } from './errors';
import type {
  InboundMessageInput,
  StatusUpdateInput,
  WebhookResponse,
  WhatsAppChannelDeps,
} from './channel-types';
import type { GraphClient } from './graph-client';
import { fetchInboundMedia } from './inbound-media';
import {
  normaliseWebhook,
  type InboundEvent,
  type InboundMessageEvent,
  type InboundStatusEvent,
} from './normalise';
import { WebhookPayload } from './webhook-payload';
import { verifyWebhookSignature } from './webhook-signature';

/**
 * One webhook POST: signature first (401, nothing passed on), then shape (400, nothing stored),
 * then each event to the server. Safe to run twice on the same body: the server's ingest
 * de-duplicates by wamid and statuses never move backwards there.
 */
export async function handleWebhook(
  deps: WhatsAppChannelDeps,
  graph: GraphClient,
  rawBody: Buffer,
  signatureHeader: string | readonly string[] | undefined,
): Promise<WebhookResponse> {
  const { config, logger } = deps;
  const log = { channelId: config.channelId };
  const startedAt = deps.now();
  // The signature comes first: nothing from an unsigned body is parsed, logged or stored.
  const signature = verifyWebhookSignature(rawBody, signatureHeader, config.appSecret);
  if (!signature.ok) {
    logger.warn({ ...log, reason: signature.reason }, 'whatsapp: webhook signature refused');
    return { status: 401, reason: signature.reason };
  }
  const json = parseJson(rawBody);
  if (json === undefined) return { status: 400, reason: 'invalid-json' };
  const parsed = WebhookPayload.safeParse(json);
  if (!parsed.success) {
    logger.warn({ ...log, issues: parsed.error.issues.slice(0, 5) }, 'whatsapp: invalid webhook');
    return { status: 400, reason: 'invalid-payload' };
  }
  try {
    const counts = await dispatch(deps, graph, normaliseWebhook(parsed.data));
    logger.debug(
      { ...log, ...counts, tookMs: deps.now() - startedAt },
      'whatsapp: webhook handled',
    );
    return counts;
  } catch (err) {
    logger.error({ ...log, err }, 'whatsapp: webhook processing failed');
    return { status: 500, reason: 'processing-failed' };
  }
}

/** Hands events to the server one by one, in Meta's order, downloading media on the way. */
async function dispatch(
  deps: WhatsAppChannelDeps,
  graph: GraphClient,
  events: InboundEvent[],
): Promise<Extract<WebhookResponse, { status: 200 }>> {
  const { config, logger } = deps;
  const log = { channelId: config.channelId };
  const counts = { status: 200 as const, messages: 0, statuses: 0, skipped: 0 };
  for (const event of events) {
    if (event.phoneNumberId !== config.phoneNumberId) {
      // One Meta app can serve several numbers; each number is its own Atendo channel.
      logger.warn({ ...log, phoneNumberId: event.phoneNumberId }, 'whatsapp: other number');
      counts.skipped += 1;
    } else if (event.kind === 'message') {
      // A redelivery: ingest answers from what is stored, so the media need no second download.
      const known = event.media !== undefined && (await deps.isStored?.(event.channelMessageId));
      if (known !== true) await deps.ingest(await toIngestInput(deps, graph, event));
      counts.messages += 1;
    } else if (event.kind === 'status') {
      await deps.updateStatus(toStatusInput(config.channelId, event));
      counts.statuses += 1;
    } else {
      logger.error({ ...log, errors: event.errors }, 'whatsapp: Meta reported an error');
    }
  }
  return counts;
}

async function toIngestInput(
  deps: WhatsAppChannelDeps,
  graph: GraphClient,
  event: InboundMessageEvent,
): Promise<InboundMessageInput> {
  const channelId = deps.config.channelId;
  const input: InboundMessageInput = {
    channelId,
    address: event.from,
    profileName: event.profileName,
    channelMessageId: event.channelMessageId,
    kind: event.media === undefined ? 'text' : 'media',
    body: event.body,
    attachments: [],
    sentAt: event.sentAt,
    whatsappType: event.messageType,
    reactionTo: event.reactionTo ?? null,
    replyTo: event.replyTo ?? null,
    mediaError: null,
  };
  if (event.media === undefined) return input;
  const context = { channelId, channelMessageId: event.channelMessageId };
  const fetched = await fetchInboundMedia(graph, deps.storeMedia, context, event.media);
  if (fetched.ok) return { ...input, attachments: [fetched.attachment] };
  deps.logger.error({ ...context, error: fetched.error }, 'whatsapp: media download failed');
  return { ...input, mediaError: fetched.error };
}

function toStatusInput(channelId: string, event: InboundStatusEvent): StatusUpdateInput {
  const first = event.errors[0];
  // Only a failure marks the message; errors on another status are warnings, kept in the logs.
  const failure =
    event.status === 'failed'
      ? classifyCloudApiError({
          code: first?.code,
          message: first?.message ?? first?.title,
          details: first?.error_data?.details,
        })
      : null;
  return {
    channelId,
    channelMessageId: event.channelMessageId,
    status: event.status,
    error: failure === null ? null : toDeliveryError(failure),
    closesWindow: failure?.closesWindow ?? false,
    at: event.at,
  };
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
