import type { Request } from 'express';
import { AtendoError } from '@atendo/shared/errors';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { WebchatInbound, WebchatPorts } from './ports';
import { verifyVisitorToken, type VisitorClaims } from './visitor-token';

export type Visitor = { claims: VisitorClaims; channel: Channel };

/**
 * The visitor behind a request: the bearer token, or for the event stream (EventSource cannot
 * send headers) the `token` query parameter. The channel must still exist as a web chat. A
 * refusal is `unauthenticated` with `details.reason` 'expired' or 'invalid', so the widget
 * can forget the token and ask for the form again.
 */
export async function authenticateVisitor(
  ports: WebchatPorts,
  req: Request,
  allowQueryToken = false,
): Promise<Visitor> {
  const header = req.headers.authorization ?? '';
  const fromQuery = allowQueryToken && typeof req.query.token === 'string' ? req.query.token : '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : fromQuery;
  const check = verifyVisitorToken(ports.tokenSecret, token, {
    now: ports.now(),
    ttlMs: ports.tokenTtlMs,
  });
  if (!check.ok) {
    const message = check.reason === 'expired' ? 'visitor token expired' : 'invalid visitor token';
    throw new AtendoError('unauthenticated', message, { reason: check.reason });
  }
  const { claims } = check;
  const channel = await ports.findChannelById(claims.channelId);
  if (channel?.kind !== 'webchat') {
    throw new AtendoError('unauthenticated', 'channel is gone', { reason: 'invalid' });
  }
  return { claims, channel };
}

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
  sentAt: ports.now(),
  ...content,
});
