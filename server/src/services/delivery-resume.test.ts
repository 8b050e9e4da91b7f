import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { botMenuText } from '@atendo/shared/rules/bot-menu';
import type { Message } from '@atendo/shared/schemas/message';
import { startFakeGraphServer, type FakeGraphServer } from '../channels/whatsapp/fake-graph-server';
import { buildMessageWebhook, signWebhook } from '../channels/whatsapp/fake-webhooks';
import type { SendInput } from '../channels/types';
import { loadConfig } from '../config';
import { DEMO_BOT_MENU } from '../demo-data';
import { createLogger } from '../logger';
import { startAtendo } from '../main';
import { ANA, createHarness } from '../testing/harness';
import { resumeQueuedDeliveries } from './delivery-resume';

const APP_SECRET = 'resume-app-secret';
const PHONE_NUMBER_ID = '5511940000000';
const CONTACT = '5511977770001';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function whatsappEnv(dir: string, fake: FakeGraphServer): Record<string, string> {
  return {
    ATENDO_DATA_DIR: dir,
    ATENDO_PORT: '0',
    WHATSAPP_ACCESS_TOKEN: fake.accessToken,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'resume-verify',
    WHATSAPP_GRAPH_BASE_URL: fake.baseUrl,
  };
}

/** `npm start`'s server in its own process, so the test can kill it as a crash would. */
async function startServerProcess(env: Record<string, string>): Promise<{
  url: string;
  child: ChildProcess;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const url = /"url":"(http:[^"]+)"/.exec(line)?.[1];
    if (url !== undefined) return { url, child };
  }
  throw new Error('the server process ended before listening');
}

describe('messages a previous run stored but never sent', () => {
  it('go out once when the server is killed during a rate-limit backoff and starts again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-resume-'));
    cleanups.push(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });
    // Meta rate-limits every send the first run makes: it sits in its backoff when killed.
    const limited = await startFakeGraphServer();
    cleanups.push(() => limited.close());
    limited.failNextSends(100, { code: 130429 });
    const first = await startServerProcess(whatsappEnv(dir, limited));
    const signed = signWebhook(
      buildMessageWebhook({
        phoneNumberId: PHONE_NUMBER_ID,
        from: CONTACT,
        profileName: 'Rita',
        messages: [
          {
            from: CONTACT,
            id: 'wamid.RESUME1',
            timestamp: '1772456400',
            type: 'text',
            text: { body: 'Olá' },
          },
        ],
      }),
      APP_SECRET,
    );
    // Not awaited: the webhook's answer waits for the bot menu's send, which never succeeds.
    fetch(`${first.url}/webhooks/whatsapp/channel-whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed.signature },
      body: signed.rawBody,
    }).catch(() => undefined);
    await vi.waitFor(
      () => {
        expect(limited.sends().length).toBeGreaterThan(0);
      },
      {
        timeout: 15_000,
        interval: 20,
      },
    );
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const healthy = await startFakeGraphServer();
    cleanups.push(() => healthy.close());
    const config = loadConfig({ ...whatsappEnv(dir, healthy), LOG_LEVEL: 'silent' });
    const second = await startAtendo(config, createLogger('silent'));
    cleanups.push(() => second.stop());
    await vi.waitFor(
      async () => {
        const menu = await second.db
          .selectFrom('messages')
          .select(['status', 'channel_message_id'])
          .where('direction', '=', 'outbound')
          .where('conversation_id', '=', (eb) =>
            eb
              .selectFrom('messages')
              .select('conversation_id')
              .where('channel_message_id', '=', 'wamid.RESUME1'),
          )
          .executeTakeFirstOrThrow();
        expect(menu).toEqual({ status: 'sent', channel_message_id: 'wamid.FAKE00000001' });
      },
      { timeout: 10_000, interval: 20 },
    );
    const sends = healthy.sends();
    expect(sends).toHaveLength(1);
    expect(sends[0]?.json).toMatchObject({
      to: CONTACT,
      type: 'text',
      text: { body: botMenuText(DEMO_BOT_MENU) },
    });
  }, 40_000);
});

describe('resumeQueuedDeliveries', () => {
  async function queuedReplies(count: number) {
    const h = await createHarness();
    cleanups.push(() => h.close());
    const ana = await h.as(ANA);
    const started = await ana.conversation.start({
      contactId: 'contact-maria',
      channelId: 'channel-whatsapp',
      clientId: 'start-1',
      content: {
        kind: 'template',
        templateId: 'template-retomada',
        params: { '1': 'Maria', '2': 'Ana' },
      },
    });
    const ids: string[] = [];
    for (let i = 1; i <= count; i++) {
      const sent = await ana.conversation.sendTemplate({
        conversationId: started.conversation.id,
        clientId: `reply-${String(i)}`,
        templateId: 'template-retomada',
        params: { '1': `Maria ${String(i)}`, '2': 'Ana' },
      });
      ids.push(sent.id);
    }
    // What a process killed between the commit and the send leaves behind.
    await h.db
      .updateTable('messages')
      .set({ status: 'queued', error: null })
      .where('id', 'in', ids)
      .execute();
    const sent: Message[] = [];
    h.deps.senders.register('whatsapp', (input: SendInput) => {
      sent.push(input.message);
      return Promise.resolve({ ok: true, channelMessageId: `wamid.${input.message.id}` });
    });
    return { h, ids, sent };
  }

  it('sends each queued outbound message once, in the order it was written', async () => {
    const { h, ids, sent } = await queuedReplies(3);
    expect(await resumeQueuedDeliveries(h.deps).done).toBe(3);
    expect(sent.map((m) => m.id)).toEqual(ids);
    const rows = await h.db
      .selectFrom('messages')
      .select(['id', 'status'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Nothing is left for the next start.
    expect(await resumeQueuedDeliveries(h.deps).done).toBe(0);
    expect(sent).toHaveLength(3);
  });

  it('hands over nothing more once stopped', async () => {
    const { h, sent } = await queuedReplies(2);
    const resumed = resumeQueuedDeliveries(h.deps);
    resumed.stop();
    expect(await resumed.done).toBe(0);
    expect(sent).toEqual([]);
  });
});
