import { networkFailure } from './errors';
import type { VerificationResponse, WhatsAppChannelDeps } from './channel-types';
import { createGraphClient } from './graph-client';
import { createOutboundQueue } from './outbound-queue';
import { failed, sendOutbound, type SendOutcome, type WhatsAppOutbound } from './outbound-send';
import { handleWebhook } from './webhook-handler';
import { verifySubscription } from './webhook-signature';

export type {
  InboundMessageInput,
  StatusUpdateInput,
  VerificationResponse,
  WebhookResponse,
  WhatsAppChannelConfig,
  WhatsAppChannelDeps,
} from './channel-types';
export type { SendOutcome, WhatsAppOutbound } from './outbound-send';

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
