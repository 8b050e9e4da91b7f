/**
 * Starts the real Atendo server on a fresh temporary database with the demo seed, plus the
 * renderer built for the tests (served by the server itself, as in production, from
 * ATENDO_WEB_DIR), and prints `{"url": …}` once listening.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createServer } from '../../../../server/src/app';
import { systemClock } from '../../../../server/src/clock';
import { loadConfig } from '../../../../server/src/config';
import { migrate, openDatabase } from '../../../../server/src/db/database';
import { createLogger } from '../../../../server/src/logger';
import { seedDemo } from '../../../../server/src/seed';
import { afterInbound } from '../../../../server/src/channels/conversation-flow/run-flow';
import { receiveInboundMessage } from '../../../../server/src/services/inbound';
import { runTimers } from '../../../../server/src/services/timers';
import { z } from 'zod';
import { seedLargeOrganisation } from './large-org';
import { fakeWhatsAppEnv, mountFakeWhatsApp, startFakeWhatsApp } from './fake-whatsapp';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir =
  process.env.ATENDO_E2E_RENDERER_DIR ?? path.resolve(here, '../../../dist/e2e-renderer');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-e2e-'));
  const graph = await startFakeWhatsApp();
  const config = loadConfig({
    ...fakeWhatsAppEnv(graph),
    ATENDO_HOST: '127.0.0.1',
    ATENDO_PORT: process.env.ATENDO_PORT ?? '0',
    ATENDO_DATA_DIR: dataDir,
    ATENDO_WEB_DIR: rendererDir,
    LOG_LEVEL: 'warn',
    // Every spec signs in from 127.0.0.1 against this one server: its wrong passwords (on
    // purpose, in the login specs) must never add up to the address lockout of production.
    ATENDO_LOGIN_IP_FAILURES: process.env.ATENDO_LOGIN_IP_FAILURES ?? '1000',
  });
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.dataDir);
  await migrate(db);
  await seedDemo(db, systemClock);
  const server = createServer({ config, db, clock: systemClock, logger });
  // No WhatsApp Business account here: the server's real WhatsApp adapter talks to the local
  // fake Graph API, which accepts every message as Meta would and records its payload.
  let url = '';
  mountFakeWhatsApp(server.app, graph, { url: () => url, idle: () => server.whatsappIdle() });
  server.app.post('/__e2e/inbound', express.json(), (req, res) => {
    void simulateInbound(server.deps, req.body).then(
      (conversationId) => res.json({ conversationId }),
      (error: unknown) => res.status(400).json({ error: String(error) }),
    );
  });
  // A large organisation behind the demo one (17-large-organisation.spec.ts).
  server.app.post('/__e2e/large-org', express.json(), (req, res) => {
    void seedLargeOrganisation(server.deps.db, req.body).then(
      (result) => {
        server.deps.feed.notify();
        res.json(result);
      },
      (error: unknown) => res.status(400).json({ error: String(error) }),
    );
  });
  const running = await server.listen();
  url = running.url;
  const timer = setInterval(() => {
    void runTimers(server.deps, systemClock.now()).catch(() => undefined);
  }, 5_000);
  process.stdout.write(`${JSON.stringify({ url: running.url, dataDir })}\n`);
  const stop = () => {
    clearInterval(timer);
    void running
      .close()
      .then(() => db.destroy())
      .then(() => graph.close())
      .finally(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const Inbound = z.object({
  channelId: z.string(),
  address: z.string(),
  profileName: z.string().nullable().default(null),
  text: z.string().min(1),
});

let inboundCount = 0;

/**
 * A contact writing on a channel, as a channel adapter would report it: the test's way to put
 * conversations in the queue (or the bot) without a real WhatsApp or web chat client.
 */
async function simulateInbound(
  deps: Parameters<typeof receiveInboundMessage>[0],
  body: unknown,
): Promise<string> {
  const input = Inbound.parse(body);
  inboundCount += 1;
  const result = await receiveInboundMessage(deps, {
    channelId: input.channelId,
    address: input.address,
    profileName: input.profileName,
    channelMessageId: `e2e-${Date.now()}-${inboundCount}`,
    kind: 'text',
    body: input.text,
    attachments: [],
    sentAt: Date.now(),
  });
  await afterInbound(deps, result);
  return result.conversation.id;
}

void main();
