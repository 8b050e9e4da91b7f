import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { mountWorkspace } from './workspace-route';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(webDir: string): Promise<{ url: string; mounted: boolean }> {
  const app = express();
  const mounted = mountWorkspace(app, webDir, createLogger('silent'));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, mounted };
}

function builtWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Atendo</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};');
  return dir;
}

describe('mountWorkspace', () => {
  it('serves the workspace, its assets and client-side routes', async () => {
    const { url, mounted } = await serve(builtWorkspace());
    expect(mounted).toBe(true);
    expect(await (await fetch(`${url}/`)).text()).toContain('<title>Atendo</title>');
    expect((await fetch(`${url}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
    expect(await (await fetch(`${url}/monitoring`)).text()).toContain('<title>Atendo</title>');
  });

  it('leaves API paths to the API: an unknown one is a 404, not the page', async () => {
    const { url } = await serve(builtWorkspace());
    expect((await fetch(`${url}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${url}/trpc/nothing.here`)).status).toBe(404);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
  });

  it('runs without a built workspace', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-web-empty-'));
    const { url, mounted } = await serve(empty);
    expect(mounted).toBe(false);
    expect((await fetch(`${url}/`)).status).toBe(404);
  });
});

describe('the workspace served to browsers', () => {
  it.each(['/', '/assets/app.js', '/monitoring'])(
    'carries the strict security headers on %s',
    async (route) => {
      const { url } = await serve(builtWorkspace());
      const response = await fetch(`${url}${route}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const host = new URL(url).host;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host};`);
      expect(csp).toContain("img-src 'self' data: blob:;");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/https?:(?!\/\/127\.0\.0\.1)|unsafe-eval|upgrade-insecure/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // A LAN server may run on plain HTTP: HSTS is the TLS proxy's to send.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('leaves the API and the web chat to their own rules', async () => {
    const { url } = await serve(builtWorkspace());
    const health = await fetch(`${url}/health`);
    expect(health.headers.get('x-frame-options')).toBeNull();
    expect(health.headers.get('content-security-policy')).toBeNull();
  });
});
