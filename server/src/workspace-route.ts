import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Logger } from './logger';
import { workspaceHeaders } from './security/workspace-headers';

/** Paths the API owns: a miss there is a 404, never the workspace's index.html. */
const API_PREFIXES = ['/trpc', '/api/', '/webchat', '/webhooks/', '/health'];

/**
 * Serves the built agent workspace (the same bundle Electron loads) at `/`, so the workspace
 * also runs in a plain browser from the server. Client-side routes fall back to index.html.
 * When the bundle has not been built the server still runs the API and says how to build it.
 */
export function mountWorkspace(app: express.Express, webDir: string, logger: Logger): boolean {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    logger.info(
      { webDir },
      'agent workspace not built: `npm start` builds it, or run `npm run build:renderer -w @atendo/desktop`',
    );
    return false;
  }
  const isApi = (requestPath: string): boolean =>
    API_PREFIXES.some((prefix) => requestPath.startsWith(prefix));
  // The workspace's pages and assets only: the web chat widget is framed and loaded by
  // customers' sites and sets its own rules.
  const headers = workspaceHeaders();
  app.use((req, res, next) => {
    if (isApi(req.path)) next();
    else headers(req, res, next);
  });
  app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
  app.get(/.*/, (req, res, next) => {
    if (isApi(req.path)) {
      next();
      return;
    }
    res.sendFile(index);
  });
  return true;
}
