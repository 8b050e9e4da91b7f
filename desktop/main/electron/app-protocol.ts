import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { appAssetPath } from '../navigation-guard';

/**
 * The renderer is served from `app://atendo/` instead of file://, so it has a real origin, a
 * CSP header on every response, and no way to read other files on disk.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

export type AppProtocolOptions = {
  rendererDir: string;
  soundsDir: string;
  csp: () => string;
};

export function handleAppProtocol({ rendererDir, soundsDir, csp }: AppProtocolOptions): void {
  protocol.handle('app', async (request) => {
    const asset = appAssetPath(request.url);
    if (asset === null) return new Response('Not found', { status: 404 });
    const file = asset.startsWith('sounds/')
      ? join(soundsDir, asset.slice('sounds/'.length))
      : join(rendererDir, asset);
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
