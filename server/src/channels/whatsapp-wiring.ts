import fs from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Config } from '../config';
import { channelFromRow } from '../repo/directory';
import { updateDeliveryStatus } from '../services/delivery-status';
import type { Deps } from '../services/deps';
import { receiveInboundMessage } from '../services/inbound';
import { closeCustomerServiceWindow } from '../services/inbound-window';
import { afterInbound } from './conversation-flow/run-flow';
import {
  notConfiguredMessage,
  openChannelSecrets,
  resolveWhatsAppCredentials,
  type WhatsAppCredentials,
} from './channel-secrets';
import type { ChannelSender } from './types';
import {
  createWhatsAppChannel,
  type InboundMessageInput,
  type StatusUpdateInput,
  type StoreMediaInput,
  type WhatsAppChannel,
} from './whatsapp';
import {
  authorNameFor,
  sendThroughChannel,
  whatsAppAddress,
  whatsAppChannelIds,
  whatsAppContents,
} from './whatsapp-sender';

/** Test seams: the fake Graph server's retry timing. */
export type WhatsAppWiringOptions = { sleep?: (ms: number) => Promise<void> };

/** Stored text of a message type WhatsApp or Atendo cannot render (the contact sees it sent). */
const UNSUPPORTED_BODY = '[mensagem não suportada pelo WhatsApp / unsupported WhatsApp message]';

/** Where inbound media lives, relative to the data directory. */
const mediaPath = (attachmentId: string): string => path.join('uploads', 'whatsapp', attachmentId);

/**
 * Plugs the WhatsApp Cloud API channels into the server: `GET/POST /webhooks/whatsapp/:channelId`
 * (one Atendo channel per business number, its phone number id in `externalId`) and the
 * 'whatsapp' sender. Each channel checks signatures and sends with its own credentials (set in
 * the admin console), each falling back to its WHATSAPP_* variable, so several Meta apps can
 * serve one server. A channel with a credential missing everywhere answers 503 and its outbound
 * messages fail with `channel-not-configured`, both naming what to set.
 */
export function mountWhatsApp(
  app: express.Express,
  deps: Deps,
  config: Config,
  options: WhatsAppWiringOptions = {},
): { idle(): Promise<void> } {
  const adapters = createAdapters(deps, config, options);
  const route = '/webhooks/whatsapp/:channelId';
  // An unknown or archived channel is answered exactly as a failed check on a live one (403
  // for the handshake, 401 for a post), so nobody can probe which channel ids exist. Only a
  // channel without credentials says so (503): it has no secret to check with, and the
  // operator setting it up needs to know what is missing.
  const withAdapter = async (
    channelId: string,
    res: Response,
    refuse: () => void,
  ): Promise<WhatsAppChannel | null> => {
    const found = await adapters.forChannel(channelId);
    if (found.kind === 'ok') return found.adapter;
    if (found.kind === 'not-configured') {
      res.status(503).json({ error: 'channel-not-configured', message: found.message });
    } else {
      deps.logger.warn({ channelId, kind: found.kind }, 'whatsapp: webhook for no live channel');
      refuse();
    }
    return null;
  };
  const refuseHandshake = (res: Response) => () => {
    res.status(403).json({ error: 'token-mismatch' });
  };
  app.get(route, async (req: Request<{ channelId: string }>, res) => {
    const adapter = await withAdapter(req.params.channelId, res, refuseHandshake(res));
    if (adapter === null) return;
    const answer = adapter.handleVerification(req.query);
    if (answer.status === 200) res.type('text/plain').send(answer.body);
    else res.status(403).json({ error: answer.reason });
  });
  // The signature covers the exact bytes Meta sent: this route must read the raw body.
  const limit = config.whatsappApi.webhookLimitBytes;
  const raw = express.raw({ type: '*/*', limit });
  app.post(route, plainJsonBody(limit), raw, async (req: Request<{ channelId: string }>, res) => {
    const adapter = await withAdapter(req.params.channelId, res, () => {
      plainStatus(res, 401);
    });
    if (adapter === null) return;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const answer = await adapter.handleWebhook(body, req.get('x-hub-signature-256'));
    plainStatus(res, answer.status);
  });
  deps.senders.register('whatsapp', adapters.sender);
  return { idle: () => adapters.idle() };
}

/**
 * What res.sendStatus sends, without its ETag (a hash of "OK") and MIME lookups: Meta posts
 * every message here, so each microsecond counts.
 */
function plainStatus(res: Response, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(STATUS_CODES[status] ?? String(status));
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

type AdapterLookup =
  | { kind: 'ok'; adapter: WhatsAppChannel }
  | { kind: 'unknown' }
  | { kind: 'archived' }
  | { kind: 'not-configured'; message: string };

/**
 * One adapter per WhatsApp channel and version of its row, made on first use from the row and
 * its credentials: an admin's change (a new token, another number) gives the next message a new
 * adapter. Adapters of older versions stay until the server stops, so `idle` waits for their
 * queued sends too.
 */
function createAdapters(deps: Deps, config: Config, options: WhatsAppWiringOptions) {
  const adapters = new Map<string, WhatsAppChannel>();
  const lookup = async (channelId: string): Promise<AdapterLookup> => {
    const row = await deps.db
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', channelId)
      .executeTakeFirst();
    if (row?.kind !== 'whatsapp') return { kind: 'unknown' };
    if (row.archived_at !== null) return { kind: 'archived' };
    const key = `${row.id}:${String(row.updated_at)}`;
    const known = adapters.get(key);
    if (known) return { kind: 'ok', adapter: known };
    const channel = channelFromRow(row);
    const resolved = resolveWhatsAppCredentials(
      channel,
      openChannelSecrets(deps.secrets, row.secrets),
      config.whatsappEnvSecrets,
    );
    if (!resolved.ok)
      return { kind: 'not-configured', message: notConfiguredMessage(resolved.missing) };
    const adapter = createAdapter(deps, config, channel, resolved.credentials, options);
    adapters.set(key, adapter);
    return { kind: 'ok', adapter };
  };
  const sender: ChannelSender = async (input) => {
    const to = whatsAppAddress(input, await whatsAppChannelIds(deps));
    if (to === null) {
      const error = { code: 'no-address', message: 'the contact has no WhatsApp number' };
      return { ok: false, error, retryable: false };
    }
    const found = await lookup(input.channel.id);
    if (found.kind !== 'ok') {
      const message =
        found.kind === 'not-configured' ? found.message : `the channel is ${found.kind}`;
      return { ok: false, error: { code: 'channel-not-configured', message }, retryable: false };
    }
    const contents = await whatsAppContents(deps, input.message, await authorNameFor(deps, input));
    const channelId = input.channel.id;
    return sendThroughChannel(
      found.adapter,
      { messageId: input.message.id, to, contents },
      async () => {
        await closeCustomerServiceWindow(deps, { channelId, messageId: input.message.id });
      },
    );
  };
  return {
    sender,
    forChannel: lookup,
    idle: async () => {
      await Promise.all([...adapters.values()].map((adapter) => adapter.idle()));
    },
  };
}

function createAdapter(
  deps: Deps,
  config: Config,
  channel: Channel,
  credentials: WhatsAppCredentials,
  options: WhatsAppWiringOptions,
): WhatsAppChannel {
  return createWhatsAppChannel({
    config: {
      channelId: channel.id,
      ...credentials,
      graphBaseUrl: config.whatsappApi.graphBaseUrl,
      apiVersion: config.whatsappApi.apiVersion,
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
