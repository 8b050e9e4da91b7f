import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

const HOST_SHAPE = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The live stream's websocket on this very host ('self' covers it in current browsers only). */
const selfSocket =
  (scheme: 'ws' | 'wss') =>
  (req: IncomingMessage): string => {
    const host = req.headers.host ?? '';
    return HOST_SHAPE.test(host) ? `${scheme}://${host}` : "'self'";
  };

/**
 * The browser-served workspace's headers: the desktop shell's CSP (desktop/main/csp.ts) with
 * the server being this origin, so scripts, network and images stay on it; no framing, no
 * sniffing, no referrer. No HSTS and no upgrade-insecure-requests: a LAN server may run on plain
 * HTTP, and TLS is the operator's proxy's to announce (docs/security.md).
 */
export const workspaceHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes inline styles; scripts never run inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", selfSocket('ws'), selfSocket('wss')],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
