import type { Express } from 'express';
import type { Config } from '../../config';
import type { Deps } from '../../services/deps';
import { createWebchat, type Webchat } from './create-webchat';
import { loadOrCreateTokenSecret } from './token-secret';

/**
 * Plugs the web chat into a server in one call: the routes under /webchat (API, widget.js,
 * demo page) and the sender for kind 'webchat'. Call `close()` on shutdown to end visitor
 * streams and stop listening to the change feed.
 */
export function mountWebchat(
  app: Express,
  deps: Deps,
  config: Pick<Config, 'webchatTokenTtlMs' | 'webchatLimits'>,
): Webchat {
  const webchat = createWebchat(deps, {
    tokenSecret: loadOrCreateTokenSecret(deps.dataDir),
    tokenTtlMs: config.webchatTokenTtlMs,
    limits: config.webchatLimits,
  });
  app.use('/webchat', webchat.router);
  deps.senders.register('webchat', webchat.sender);
  return webchat;
}
