import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startAtendo } from './main';

describe('startAtendo', () => {
  it('migrates and seeds a fresh data directory, serves /health, and restarts without reseeding', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-main-'));
    const config = loadConfig({ ATENDO_DATA_DIR: dir, ATENDO_PORT: '0' });
    const logger = createLogger('silent');
    const first = await startAtendo(config, logger);
    try {
      expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ ok: true });
      const agents = await first.db.selectFrom('agents').select('email').orderBy('email').execute();
      expect(agents.map((a) => a.email)).toEqual([
        'admin@atendo.demo',
        'ana@atendo.demo',
        'bruno@atendo.demo',
        'carla@atendo.demo',
        'diego@atendo.demo',
      ]);
    } finally {
      await first.stop();
    }
    const second = await startAtendo(config, logger);
    try {
      const agents = await second.db.selectFrom('agents').select('id').execute();
      expect(agents).toHaveLength(5);
      // The channels are mounted even with no WhatsApp secrets configured.
      const widget = await fetch(`${second.url}/webchat/widget.js`);
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toMatch(/javascript/);
      const webhook = await fetch(`${second.url}/webhooks/whatsapp/channel-whatsapp`, {
        method: 'POST',
        body: '{}',
      });
      expect(webhook.status).toBe(503);
      expect(await webhook.json()).toMatchObject({
        error: 'channel-not-configured',
        message: expect.stringContaining('WHATSAPP_APP_SECRET') as unknown,
      });
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
