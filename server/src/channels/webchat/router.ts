import express, { type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { AtendoError } from '@atendo/shared/errors';
import { DEFAULT_WEBCHAT_SETTINGS } from '@atendo/shared/schemas/admin/channels';
import type { SendResponse, SessionResponse, TranscriptResponse } from './protocol';
import type { WebchatInboundResult, WebchatPorts } from './ports';
import { parseOrThrow } from './parse';
import { checkPreChatAnswers } from './prechat-fields';
import {
  AckBody,
  AttachmentIdParam,
  ChannelKeyParam,
  CsatBody,
  OpenSessionBody,
  SendMessageBody,
} from './request-schemas';
import { sendStoredFile } from '../../stored-file';
import { webchatErrorHandler } from './http-errors';
import { isInlineImage } from './inline-images';
import { authenticateVisitor, clientIp, inboundFrom } from './visitor-auth';
import type { VisitorHub } from './visitor-hub';
import { hashVisitorToken, newVisitorToken, visitorTokenExpiry } from './visitor-token';
import { receiveUpload } from './visitor-uploads';
import { visitorMessage } from './visitor-view';
import { createWidgetAssets } from './widget-assets';
import { requireAllowedOrigin, widgetConfig, type WidgetConfig } from './widget-config';

/**
 * The contact-facing web chat, mounted at /webchat: the widget and its demo page, and the
 * visitor API. Visitors authenticate with the opaque token from `POST /:channelKey/sessions`
 * in the Authorization header, valid for the configured TTL; after it the visitor fills the
 * form again. Opening sessions and sending messages are rate limited (429 `rate-limited`).
 */
export function createWebchatRouter(ports: WebchatPorts, hub: VisitorHub, logger: Logger): Router {
  const router = express.Router();
  router.use(allowAnyOrigin);
  addAssetRoutes(router);
  addSessionRoutes(router, ports);
  addMessageRoutes(router, ports, logger);
  addStreamRoutes(router, ports, hub);
  router.use(webchatErrorHandler(logger));
  return router;
}

const json = express.json({ limit: '16kb' });

/**
 * The widget runs on customers' sites, so every call is cross-origin. Visitors authenticate
 * with a bearer token, never a cookie, so any origin may call without credentials.
 */
const allowAnyOrigin: RequestHandler = (req, res, next) => {
  res.set({
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, x-file-name, x-client-message-id',
    'access-control-max-age': '600',
    'access-control-expose-headers': 'retry-after',
  });
  if (req.method === 'OPTIONS') res.status(204).end();
  else next();
};

function addAssetRoutes(router: Router): void {
  const assets = createWidgetAssets();
  router.get('/widget.js', async (_req, res) => {
    res.type('application/javascript').set('cache-control', 'public, max-age=300');
    res.send(await assets.widgetJs());
  });
  router.get('/demo', async (req, res) => {
    const key = ChannelKeyParam.safeParse(req.query.channel);
    res.type('html').send(await assets.demoHtml(key.success ? key.data : ''));
  });
}

function addSessionRoutes(router: Router, ports: WebchatPorts): void {
  router.get('/:channelKey/config', async (req, res) => {
    const channel = await ports.findChannelByKey(
      parseOrThrow(ChannelKeyParam, req.params.channelKey),
    );
    if (channel?.kind !== 'webchat') throw new AtendoError('not-found', 'no such web chat');
    const config: WidgetConfig = widgetConfig(channel, await ports.webchatSettings(channel.id));
    res.set('cache-control', 'public, max-age=60').json(config);
  });
  router.post('/:channelKey/sessions', json, async (req, res) => {
    await ports.limits.openSession(clientIp(req));
    const key = parseOrThrow(ChannelKeyParam, req.params.channelKey);
    const body = parseOrThrow(OpenSessionBody, req.body);
    const channel = await ports.findChannelByKey(key);
    if (channel?.kind !== 'webchat') throw new AtendoError('not-found', 'no such web chat');
    const settings = (await ports.webchatSettings(channel.id)) ?? DEFAULT_WEBCHAT_SETTINGS;
    requireAllowedOrigin(settings, req.get('origin'));
    const fields = checkPreChatAnswers(settings.preChatFields, body.fields);
    const issuedAt = ports.now();
    const visitorId = `v-${ports.newId()}`;
    const claims = { channelId: channel.id, visitorId, ...body, fields, issuedAt };
    // The contact and its conversation wait for the first message: a session alone is a row.
    const token = newVisitorToken();
    await ports.saveSession(hashVisitorToken(ports.tokenSecret, token), claims);
    const response: SessionResponse = {
      token,
      visitorId: claims.visitorId,
      locale: body.locale,
      expiresAt: visitorTokenExpiry(issuedAt, ports.tokenTtlMs),
    };
    res.status(201).json(response);
  });
}

/** 201 when the message was stored now, 200 when a retry found it stored already. */
const answerSent = (res: Response, result: WebchatInboundResult): void => {
  const { message, conversation, created } = result;
  const response: SendResponse = {
    messageId: message.id,
    conversationId: conversation.id,
    created,
  };
  res.status(created ? 201 : 200).json(response);
};

function addMessageRoutes(router: Router, ports: WebchatPorts, logger: Logger): void {
  router.post('/sessions/messages', json, async (req, res) => {
    const visitor = await authenticateVisitor(ports, req);
    await ports.limits.sendMessage(visitor.claims.visitorId, clientIp(req));
    const body = parseOrThrow(SendMessageBody, req.body);
    const content = { channelMessageId: body.clientMessageId, kind: 'text' as const };
    const inbound = inboundFrom(ports, visitor, { ...content, body: body.text, attachments: [] });
    answerSent(res, await ports.receiveInbound(inbound));
  });
  router.post('/sessions/uploads', async (req, res) => {
    const visitor = await authenticateVisitor(ports, req);
    // Counted before a byte of the file is read.
    await ports.limits.sendMessage(visitor.claims.visitorId, clientIp(req));
    answerSent(res, await receiveUpload(ports, visitor, req, logger));
  });
  router.get('/sessions/attachments/:id', async (req, res) => {
    const { claims, channel } = await authenticateVisitor(ports, req);
    const id = AttachmentIdParam.safeParse(req.params.id);
    const query = { channelId: channel.id, address: claims.visitorId };
    const file = id.success
      ? await ports.findVisitorFile({ ...query, attachmentId: id.data })
      : null;
    // Raster images inline: the widget shows them as thumbnails.
    await sendStoredFile(res, file, { inline: file !== null && isInlineImage(file.mimeType) });
  });
  router.post('/sessions/csat', json, async (req, res) => {
    const { claims, channel } = await authenticateVisitor(ports, req);
    const body = parseOrThrow(CsatBody, req.body);
    await ports.answerCsat({ channel, address: claims.visitorId, ...body });
    res.json({ ok: true });
  });
  router.post('/sessions/acks', json, async (req, res) => {
    const { claims, channel } = await authenticateVisitor(ports, req);
    const visitor = { channelId: channel.id, address: claims.visitorId };
    await ports.markDelivered(visitor, parseOrThrow(AckBody, req.body).messageIds);
    res.json({ ok: true });
  });
}

function addStreamRoutes(router: Router, ports: WebchatPorts, hub: VisitorHub): void {
  router.get('/sessions/transcript', async (req, res) => {
    const { claims, channel } = await authenticateVisitor(ports, req);
    const snapshot = await ports.visitorSnapshot(channel.id, claims.visitorId);
    const nameOf = (id: string) => snapshot.agentNames.get(id) ?? null;
    const response: TranscriptResponse = {
      conversationId: snapshot.conversation?.id ?? null,
      state: snapshot.conversation?.state ?? null,
      messages: snapshot.messages.flatMap((m) => visitorMessage(m, nameOf) ?? []),
    };
    res.json(response);
  });
  router.get('/sessions/events', async (req, res) => {
    const { claims, channel } = await authenticateVisitor(ports, req);
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    // The hub keeps the stream alive and ends it when the token expires.
    const expiresAt = visitorTokenExpiry(claims.issuedAt, ports.tokenTtlMs);
    await hub.connect({ channelId: channel.id, address: claims.visitorId }, res, expiresAt);
  });
}
