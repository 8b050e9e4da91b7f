import type { Request } from 'express';
import { AtendoError } from '@atendo/shared/errors';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { WebchatInbound, WebchatPorts } from './ports';
import {
  hashVisitorToken,
  isVisitorTokenShape,
  visitorTokenExpiry,
  type VisitorClaims,
} from './visitor-token';

export type Visitor = { claims: VisitorClaims; channel: Channel };

/**
 * The visitor behind a request: the `Authorization: Bearer` token, on every route including
 * the event stream (the widget reads it with fetch), never a query parameter that lands in
 * access logs and proxies. The session must exist and the channel must still be a web chat.
 * A refusal is `unauthenticated` with `details.reason` 'expired' or 'invalid' (unknown,
 * revoked, or a signed token from before sessions were stored), so the widget forgets the
 * token and shows the form again.
 */
export async function authenticateVisitor(ports: WebchatPorts, req: Request): Promise<Visitor> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const claims = isVisitorTokenShape(token)
    ? await ports.findSession(hashVisitorToken(ports.tokenSecret, token))
    : null;
  if (!claims)
    throw new AtendoError('unauthenticated', 'invalid visitor token', { reason: 'invalid' });
  if (ports.now() >= visitorTokenExpiry(claims.issuedAt, ports.tokenTtlMs)) {
    throw new AtendoError('unauthenticated', 'visitor token expired', { reason: 'expired' });
  }
  const channel = await ports.findChannelById(claims.channelId);
  if (channel?.kind !== 'webchat') {
    throw new AtendoError('unauthenticated', 'channel is gone', { reason: 'invalid' });
  }
  return { claims, channel };
}

/** The address the per-IP limits count; the socket's when Express trusts no proxy. */
export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

type Content = Pick<
  WebchatInbound,
  'channelMessageId' | 'kind' | 'body' | 'attachments' | 'filePaths'
>;

/** An inbound message from this visitor, with what the form told us about them. */
export const inboundFrom = (ports: WebchatPorts, visitor: Visitor, content: Content) => ({
  channel: visitor.channel,
  address: visitor.claims.visitorId,
  profileName: visitor.claims.name,
  email: visitor.claims.email,
  locale: visitor.claims.locale,
  fields: visitor.claims.fields,
  sentAt: ports.now(),
  ...content,
});
