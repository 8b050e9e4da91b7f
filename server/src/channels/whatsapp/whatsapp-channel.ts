import type { Attachment, DeliveryError } from '@atendo/shared/schemas/message';
import { classifyCloudApiError, networkFailure, toDeliveryError } from './errors';
import { createGraphClient, type GraphClient } from './graph-client';
import type { FetchFn, RetryPolicy, Sleep } from './graph-http';
import { fetchInboundMedia, type StoreMedia } from './inbound-media';
import type { ChannelLogger } from './logger';
import {
  normaliseWebhook,
  type InboundMessageEvent,
  type InboundStatusEvent,
  type InboundStatusValue,
} from './normalise';
import { createOutboundQueue } from './outbound-queue';
import { failed, sendOutbound, type SendOutcome, type WhatsAppOutbound } from './outbound-send';
import { WebhookPayload } from './webhook-payload';
import { verifySubscription, verifyWebhookSignature } from './webhook-signature';

export type WhatsAppChannelConfig = {
  /** Atendo's channel id; passed back in every callback. */
  channelId: string;
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphBaseUrl?: string;
  apiVersion?: string;
  retry?: RetryPolicy;
};

/** What the server's `receiveInboundMessage` needs; de-duplication by wamid happens there. */
export type InboundMessageInput = {
  channelId: string;
  address: string;
  profileName: string | null;
  channelMessageId: string;
  kind: 'text' | 'media';
  body: string;
  attachments: Attachment[];
  sentAt: number;
  whatsappType: InboundMessageEvent['messageType'];
  reactionTo: string | null;
  replyTo: string | null;
  /** Set when the media could not be fetched: the message is kept, and the agent is told. */
  mediaError: DeliveryError | null;
};

/** What the server's `updateDeliveryStatus` needs; it applies the never-backwards rule. */
export type StatusUpdateInput = {
  channelId: string;
  channelMessageId: string;
  status: InboundStatusValue;
  error: DeliveryError | null;
  /** 131047 arrived: the contact's 24 h window is closed, only templates may follow. */
  closesWindow: boolean;
  at: number;
};

export type WhatsAppChannelDeps = {
  config: WhatsAppChannelConfig;
  ingest: (input: InboundMessageInput) => Promise<void>;
  updateStatus: (input: StatusUpdateInput) => Promise<void>;
  storeMedia: StoreMedia;
  now: () => number;
  logger: ChannelLogger;
  fetch?: FetchFn;
  sleep?: Sleep;
};

export type VerificationResponse = { status: 200; body: string } | { status: 403; reason: string };

export type WebhookResponse =
  | { status: 200; messages: number; statuses: number; skipped: number }
  | { status: 401; reason: 'missing' | 'malformed' | 'mismatch' }
  | { status: 400; reason: 'invalid-json' | 'invalid-payload' }
  /** A callback failed: Meta redelivers on non-2xx, and the server's de-duplication absorbs it. */
  | { status: 500; reason: 'processing-failed' };

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;

/**
 * The WhatsApp Cloud API channel for one business number. Framework-agnostic: the server mounts
 * `handleWebhook` at `POST /webhooks/whatsapp/:channelId` with the raw body and the
 * `X-Hub-Signature-256` header, and `handleVerification` at the GET of the same path.
 */
export function createWhatsAppChannel(deps: WhatsAppChannelDeps) {
  const { config, logger } = deps;
  const graph = createGraphClient({
    phoneNumberId: config.phoneNumberId,
    accessToken: config.accessToken,
    ...(config.graphBaseUrl === undefined ? {} : { baseUrl: config.graphBaseUrl }),
    ...(config.apiVersion === undefined ? {} : { apiVersion: config.apiVersion }),
    ...(config.retry === undefined ? {} : { retry: config.retry }),
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
    logger,
  });
  const queue = createOutboundQueue<WhatsAppOutbound, SendOutcome>({
    send: (outbound) => sendOutbound(graph, outbound),
    onCrash: (outbound, cause) => failed(outbound, networkFailure(cause), 1),
    logger,
  });

  return {
    handleVerification(query: unknown): VerificationResponse {
      const check = verifySubscription(query, config.verifyToken);
      if (check.ok) return { status: 200, body: check.challenge };
      logger.warn(
        { channelId: config.channelId, reason: check.reason },
        'whatsapp: verification refused',
      );
      return { status: 403, reason: check.reason };
    },
    handleWebhook: (rawBody: Buffer, signatureHeader: string | readonly string[] | undefined) =>
      handleWebhook(deps, graph, rawBody, signatureHeader),
    /** Queues the message behind earlier ones to the same contact; resolves with its outcome. */
    send: (outbound: WhatsAppOutbound): Promise<SendOutcome> =>
      queue.enqueue(outbound.to, outbound),
    /** Resolves when every queued send has finished (shutdown, tests). */
    idle: () => queue.idle(),
  };
}

async function handleWebhook(
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
  const counts = { status: 200 as const, messages: 0, statuses: 0, skipped: 0 };
  try {
    for (const event of normaliseWebhook(parsed.data)) {
      if (event.phoneNumberId !== config.phoneNumberId) {
        // One Meta app can serve several numbers; each number is its own Atendo channel.
        logger.warn({ ...log, phoneNumberId: event.phoneNumberId }, 'whatsapp: other number');
        counts.skipped += 1;
      } else if (event.kind === 'message') {
        await deps.ingest(await toIngestInput(deps, graph, event));
        counts.messages += 1;
      } else if (event.kind === 'status') {
        await deps.updateStatus(toStatusInput(config.channelId, event));
        counts.statuses += 1;
      } else {
        logger.error({ ...log, errors: event.errors }, 'whatsapp: Meta reported an error');
      }
    }
  } catch (err) {
    logger.error({ ...log, err }, 'whatsapp: webhook processing failed');
    return { status: 500, reason: 'processing-failed' };
  }
  logger.debug({ ...log, ...counts, tookMs: deps.now() - startedAt }, 'whatsapp: webhook handled');
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
  const failure =
    event.status === 'failed' || first !== undefined
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
