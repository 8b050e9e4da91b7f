import fs from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Config, WhatsAppConfig } from '../config';
import { loadChannel } from '../repo/directory';
import { updateDeliveryStatus } from '../services/delivery-status';
import type { Deps } from '../services/deps';
import { receiveInboundMessage } from '../services/inbound';
import { closeCustomerServiceWindow } from '../services/inbound-window';
import { afterInbound } from './conversation-flow/run-flow';
import type { ChannelSender } from './types';
import {
  createWhatsAppChannel,
  type InboundMessageInput,
  type StatusUpdateInput,
  type StoreMediaInput,
  type WhatsAppChannel,
} from './whatsapp';
import { sendThroughChannel, whatsAppAddress, whatsAppContents } from './whatsapp-sender';

/** Test seams: the fake Graph server's retry timing. */
export type WhatsAppWiringOptions = { sleep?: (ms: number) => Promise<void> };

const NOT_CONFIGURED =
  'WhatsApp is not configured on this server: set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET ' +
  'and WHATSAPP_VERIFY_TOKEN (see docs/configuration.md)';

/** Stored text of a message type WhatsApp or Atendo cannot render (the contact sees it sent). */
const UNSUPPORTED_BODY = '[mensagem não suportada pelo WhatsApp / unsupported WhatsApp message]';

/** Where inbound media lives, relative to the data directory. */
const mediaPath = (attachmentId: string): string => path.join('uploads', 'whatsapp', attachmentId);

/**
 * Plugs the WhatsApp Cloud API channels into the server: `GET/POST /webhooks/whatsapp/:channelId`
 * (one Atendo channel per business number, its phone number id in `externalId`) and the
 * 'whatsapp' sender. Without the secrets the server still runs: the webhook answers 503 and
 * outbound messages fail with `channel-not-configured`, both saying which variables are missing.
 */
export function mountWhatsApp(
  app: express.Express,
  deps: Deps,
  config: Config,
  options: WhatsAppWiringOptions = {},
): { idle(): Promise<void> } {
  const wa = config.whatsapp;
  const adapters = wa === null ? null : createAdapters(deps, wa, options);
  const route = '/webhooks/whatsapp/:channelId';
  const refuseUnconfigured = (_req: Request, res: Response, next: NextFunction): void => {
    if (adapters === null) {
      res.status(503).json({ error: 'channel-not-configured', message: NOT_CONFIGURED });
    } else next();
  };
  app.get(route, refuseUnconfigured, async (req: Request<{ channelId: string }>, res) => {
    const adapter = await adapters?.forChannel(req.params.channelId);
    if (!adapter) return void res.status(404).json({ error: 'unknown WhatsApp channel' });
    const answer = adapter.handleVerification(req.query);
    if (answer.status === 200) res.type('text/plain').send(answer.body);
    else res.status(403).json({ error: answer.reason });
  });
  // The signature covers the exact bytes Meta sent: this route must read the raw body.
  const limit = wa?.webhookLimitBytes ?? 0;
  const raw = express.raw({ type: '*/*', limit });
  app.post(
    route,
    refuseUnconfigured,
    plainJsonBody(limit),
    raw,
    async (req: Request<{ channelId: string }>, res) => {
      const adapter = await adapters?.forChannel(req.params.channelId);
      if (!adapter) return void res.status(404).json({ error: 'unknown WhatsApp channel' });
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await adapter.handleWebhook(body, req.get('x-hub-signature-256'));
      // What res.sendStatus sends, without its ETag (a hash of "OK") and MIME lookups: Meta posts
      // every message here, so each microsecond counts.
      res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(STATUS_CODES[answer.status] ?? String(answer.status));
    },
  );
  deps.senders.register('whatsapp', adapters?.sender ?? notConfiguredSender);
  return { idle: async () => adapters?.idle() };
}

/**
 * A shortcut before `express.raw` for what Meta sends: uncompressed JSON of a declared length
 * within the limit is read straight from the request, which saved about 13 µs of CPU per
 * webhook (of 133 µs for an Express route doing nothing else) over body-parser's general path.
 * `express.raw` then finds the request read and passes; anything else (compressed, chunked, too
 * large, another type) is left to it and gets its answers (413, …) unchanged.
 */
function plainJsonBody(limit: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const type = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
    const plain = type === 'application/json' && encoding === 'identity';
    if (!plain || !Number.isSafeInteger(length) || length < 0 || length > limit) {
      next();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('error', next);
    req.once('end', () => {
      req.body = Buffer.concat(chunks);
      next();
    });
  };
}

const notConfiguredSender: ChannelSender = () =>
  Promise.resolve({
    ok: false,
    error: { code: 'channel-not-configured', message: NOT_CONFIGURED },
    retryable: false,
  });

/** One adapter per WhatsApp channel, made on first use from the channel's row. */
function createAdapters(deps: Deps, wa: WhatsAppConfig, options: WhatsAppWiringOptions) {
  const adapters = new Map<string, WhatsAppChannel>();
  const adapterFor = (channel: Channel): WhatsAppChannel => {
    const known = adapters.get(channel.id);
    if (known) return known;
    const adapter = createAdapter(deps, wa, channel, options);
    adapters.set(channel.id, adapter);
    return adapter;
  };
  const sender: ChannelSender = async (input) => {
    const to = whatsAppAddress(input);
    if (to === null) {
      const error = { code: 'no-address', message: 'the contact has no WhatsApp number' };
      return { ok: false, error, retryable: false };
    }
    const contents = await whatsAppContents(deps, input.message);
    const channelId = input.channel.id;
    return sendThroughChannel(
      adapterFor(input.channel),
      { messageId: input.message.id, to, contents },
      async () => {
        await closeCustomerServiceWindow(deps, { channelId, messageId: input.message.id });
      },
    );
  };
  return {
    sender,
    forChannel: async (channelId: string): Promise<WhatsAppChannel | null> => {
      const known = adapters.get(channelId);
      if (known) return known;
      const channel = await loadChannel(deps.db, channelId);
      return channel?.kind === 'whatsapp' ? adapterFor(channel) : null;
    },
    idle: async () => {
      await Promise.all([...adapters.values()].map((adapter) => adapter.idle()));
    },
  };
}

function createAdapter(
  deps: Deps,
  wa: WhatsAppConfig,
  channel: Channel,
  options: WhatsAppWiringOptions,
): WhatsAppChannel {
  return createWhatsAppChannel({
    config: {
      channelId: channel.id,
      phoneNumberId: channel.externalId,
      accessToken: wa.accessToken,
      appSecret: wa.appSecret,
      verifyToken: wa.verifyToken,
      graphBaseUrl: wa.graphBaseUrl,
      apiVersion: wa.apiVersion,
    },
    ingest: (input) => ingest(deps, input),
    isStored: async (channelMessageId) => {
      const row = await deps.db
        .selectFrom('messages')
        .select('id')
        .where('channel_id', '=', channel.id)
        .where('channel_message_id', '=', channelMessageId)
        .executeTakeFirst();
      return row !== undefined;
    },
    updateStatus: (input) => updateStatus(deps, input),
    storeMedia: (input) => storeMedia(deps, input),
    now: () => deps.clock.now(),
    logger: deps.logger.child({ channel: 'whatsapp', channelId: channel.id }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
}

/**
 * A contact's message: stored (de-duplicated by wamid), then the dialogue runs (bot menu, CSAT
 * re-ask). A reaction is stored as a text message holding the emoji, so the agent sees it in
 * the timeline; removing a reaction (empty emoji) is ignored. A type nobody can render is stored
 * with a fixed bilingual line, so the agent knows the contact sent something.
 */
async function ingest(deps: Deps, m: InboundMessageInput): Promise<void> {
  if (m.whatsappType === 'reaction' && m.body === '') return;
  // The agent must see that something came, even what Atendo cannot show.
  const body = m.whatsappType === 'unsupported' && m.body === '' ? UNSUPPORTED_BODY : m.body;
  const filePaths = Object.fromEntries(m.attachments.map((a) => [a.id, mediaPath(a.id)]));
  // The media were downloaded before the message could be stored; a redelivered message (Meta
  // sends a webhook again when its answer is slow) or one that failed to store leaves its copy.
  const discardFiles = () => discardMedia(deps, Object.values(filePaths));
  const result = await receiveInboundMessage(deps, {
    channelId: m.channelId,
    address: m.address,
    profileName: m.profileName,
    channelMessageId: m.channelMessageId,
    kind: m.kind,
    body,
    attachments: m.attachments,
    sentAt: m.sentAt,
    filePaths,
    error: m.mediaError,
  }).catch(async (error: unknown) => {
    await discardFiles();
    throw error;
  });
  if (!result.created) await discardFiles();
  await afterInbound(deps, result);
}

async function discardMedia(deps: Deps, paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => fs.rm(path.join(deps.dataDir, p), { force: true })));
}

async function updateStatus(deps: Deps, s: StatusUpdateInput): Promise<void> {
  await updateDeliveryStatus(deps, s);
  if (s.closesWindow) {
    await closeCustomerServiceWindow(deps, {
      channelId: s.channelId,
      channelMessageId: s.channelMessageId,
    });
  }
}

/** Keeps the downloaded bytes under the data directory; the upload row comes with the message. */
async function storeMedia(deps: Deps, input: StoreMediaInput) {
  const id = deps.newId();
  await fs.mkdir(path.join(deps.dataDir, 'uploads', 'whatsapp'), { recursive: true });
  await fs.writeFile(path.join(deps.dataDir, mediaPath(id)), input.bytes);
  return {
    id,
    fileName: input.fileName,
    mimeType: input.mimeType,
    size: input.bytes.length,
    mediaType: input.mediaType,
    ...(input.mediaType === 'sticker' ? { animated: input.animated } : {}),
  };
}
