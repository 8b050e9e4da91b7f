import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import { AtendoError } from '@atendo/shared/errors';
import { checkAttachment } from '@atendo/shared/rules/attachment-policy';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { SendResponse, SessionResponse, TranscriptResponse } from './protocol';
import type { WebchatInbound, WebchatPorts } from './ports';
import {
  AckBody,
  ChannelKeyParam,
  CsatBody,
  OpenSessionBody,
  SendMessageBody,
  UploadHeaders,
} from './request-schemas';
import type { VisitorHub } from './visitor-hub';
import { issueVisitorToken, verifyVisitorToken, type VisitorClaims } from './visitor-token';
import { visitorMessage } from './visitor-view';
import { createWidgetAssets } from './widget-assets';
import { webchatErrorHandler } from './http-errors';
import { parseOrThrow } from './parse';

/** The web chat's largest file; checkAttachment narrows it per media type. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

type Visitor = { claims: VisitorClaims; channel: Channel };

/**
 * The contact-facing web chat API, mounted at /webchat. Visitors authenticate with the signed
 * token from `POST /:channelKey/sessions`; the widget sends it as a bearer token (and in the
 * query string for the event stream, which cannot carry headers).
 */
export function createWebchatRouter(ports: WebchatPorts, hub: VisitorHub, logger: Logger): Router {
  const router = express.Router();
  const assets = createWidgetAssets();
  const json = express.json({ limit: '16kb' });

  // The widget runs on customers' sites, so every call is cross-origin. Visitors authenticate
  // with a bearer token, never a cookie, so any origin may call without credentials.
  router.use((req, res, next) => {
    res.set({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers':
        'authorization, content-type, x-file-name, x-client-message-id',
      'access-control-max-age': '600',
    });
    if (req.method === 'OPTIONS') res.status(204).end();
    else next();
  });

  async function visitorFrom(req: Request, queryToken = false): Promise<Visitor> {
    const header = req.headers.authorization ?? '';
    const fromQuery = queryToken && typeof req.query.token === 'string' ? req.query.token : '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : fromQuery;
    const claims = verifyVisitorToken(ports.tokenSecret, token);
    if (!claims) throw new AtendoError('unauthenticated', 'missing or invalid visitor token');
    const channel = await ports.findChannelById(claims.channelId);
    if (channel?.kind !== 'webchat') throw new AtendoError('unauthenticated', 'channel is gone');
    return { claims, channel };
  }

  const inbound = (
    visitor: Visitor,
    rest: Omit<
      WebchatInbound,
      'channel' | 'address' | 'profileName' | 'email' | 'locale' | 'sentAt'
    >,
  ): WebchatInbound => ({
    channel: visitor.channel,
    address: visitor.claims.visitorId,
    profileName: visitor.claims.name,
    email: visitor.claims.email,
    locale: visitor.claims.locale,
    sentAt: ports.now(),
    ...rest,
  });

  router.get('/widget.js', async (_req, res) => {
    res.type('application/javascript').set('cache-control', 'public, max-age=300');
    res.send(await assets.widgetJs());
  });

  router.get('/demo', async (req, res) => {
    const key = ChannelKeyParam.safeParse(req.query.channel);
    res.type('html').send(await assets.demoHtml(key.success ? key.data : ''));
  });

  router.post('/:channelKey/sessions', json, async (req, res) => {
    const key = parseOrThrow(ChannelKeyParam, req.params.channelKey);
    const body = parseOrThrow(OpenSessionBody, req.body);
    const channel = await ports.findChannelByKey(key);
    if (channel?.kind !== 'webchat') throw new AtendoError('not-found', 'no such web chat');
    const claims = { channelId: channel.id, visitorId: `v-${ports.newId()}`, ...body };
    const response: SessionResponse = {
      token: issueVisitorToken(ports.tokenSecret, claims),
      visitorId: claims.visitorId,
      locale: claims.locale,
    };
    res.status(201).json(response);
  });

  router.post('/sessions/messages', json, async (req, res) => {
    const visitor = await visitorFrom(req);
    const body = parseOrThrow(SendMessageBody, req.body);
    const result = await ports.receiveInbound(
      inbound(visitor, {
        channelMessageId: body.clientMessageId,
        kind: 'text',
        body: body.text,
        attachments: [],
      }),
    );
    const response: SendResponse = {
      messageId: result.message.id,
      conversationId: result.conversation.id,
      created: result.created,
    };
    res.status(result.created ? 201 : 200).json(response);
  });

  router.post('/sessions/uploads', async (req, res) => {
    const visitor = await visitorFrom(req);
    const headers = parseOrThrow(UploadHeaders, req.headers);
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (!Number.isInteger(declared) || declared < 0) {
      throw new AtendoError('invalid-input', 'content-length is required');
    }
    // Refuse before reading the body, so a forbidden or oversize file is never buffered.
    const policy = checkAttachment({
      channelKind: 'webchat',
      mimeType: headers['content-type'],
      size: declared,
    });
    if (!policy.ok) throw new AtendoError(policy.reason, policy.reason, policy.details);
    const bytes = await readBody(req, Math.min(policy.maxBytes, MAX_UPLOAD_BYTES));
    const attachmentId = ports.newId();
    await ports.storeFile(attachmentId, bytes);
    const result = await ports.receiveInbound(
      inbound(visitor, {
        channelMessageId: headers['x-client-message-id'],
        kind: 'media',
        body: '',
        attachments: [
          {
            id: attachmentId,
            fileName: headers['x-file-name'],
            mimeType: headers['content-type'],
            size: bytes.length,
            mediaType: policy.mediaType,
          },
        ],
      }),
    );
    const response: SendResponse = {
      messageId: result.message.id,
      conversationId: result.conversation.id,
      created: result.created,
    };
    res.status(result.created ? 201 : 200).json(response);
  });

  router.get('/sessions/transcript', async (req, res) => {
    const { claims, channel } = await visitorFrom(req);
    const snapshot = await ports.visitorSnapshot(channel.id, claims.visitorId);
    const response: TranscriptResponse = {
      conversationId: snapshot.conversation?.id ?? null,
      state: snapshot.conversation?.state ?? null,
      messages: snapshot.messages.flatMap(
        (m) => visitorMessage(m, (id) => snapshot.agentNames.get(id) ?? null) ?? [],
      ),
    };
    res.json(response);
  });

  router.get('/sessions/events', async (req, res) => {
    const { claims, channel } = await visitorFrom(req, true);
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const keepAlive = setInterval(() => {
      res.write(': keep-alive\n\n');
    }, 25_000);
    keepAlive.unref();
    res.on('close', () => {
      clearInterval(keepAlive);
    });
    await hub.connect({ channelId: channel.id, address: claims.visitorId }, res, []);
  });

  router.post('/sessions/csat', json, async (req, res) => {
    const { claims, channel } = await visitorFrom(req);
    const body = parseOrThrow(CsatBody, req.body);
    await ports.answerCsat({ channel, address: claims.visitorId, ...body });
    res.json({ ok: true });
  });

  router.post('/sessions/acks', json, async (req, res) => {
    const { channel } = await visitorFrom(req);
    const body = parseOrThrow(AckBody, req.body);
    await ports.markDelivered(channel.id, body.messageIds);
    res.json({ ok: true });
  });

  router.use(webchatErrorHandler(logger));
  return router;
}

/** Reads a raw body up to `limit` bytes; a longer body is refused as too large. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new AtendoError('attachment-too-large', 'file too large', { maxBytes: limit });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
