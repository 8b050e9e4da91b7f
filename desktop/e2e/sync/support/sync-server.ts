/**
 * The real Atendo server for the sync specs and the browser benchmark, run as a child process so
 * a test can kill it (even in the middle of a request) and start it again on the same data
 * folder and port. Usage: node --import tsx sync-server.ts <dataDir> <port|0>. It migrates and
 * seeds the demo organisation on first use, prints `{"port": …}` once listening, and adds a few
 * control routes under /__sync for the test process: tokens, writes and reads.
 */
import fs from 'node:fs';
import express from 'express';
import { sql } from 'kysely';
import { z } from 'zod';
import { createServer } from '../../../../server/src/app';
import type { ManualClock } from '../../../../server/src/clock';
import { loadConfig } from '../../../../server/src/config';
import { migrate, openDatabase } from '../../../../server/src/db/database';
import { createLogger } from '../../../../server/src/logger';
import { seedDemo } from '../../../../server/src/seed';
import { writeContact } from '../../../../server/src/services/contact-writer';
import { inTransaction } from '../../../../server/src/services/deps';
import { tokenFor, type TestApp } from '../../../../server/src/sync/test-harness';
import {
  addMessage,
  addTags,
  closeConversation,
  openConversation,
  transfer,
} from '../../../../server/src/sync/test-writes';

const [dataDir, portArg] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: sync-server.ts <dataDir> [port]');

/*
 * The test writers read `app.clock`; here it is the wall clock, so messages written one after
 * another keep their order and the page's Date.now() can be compared with write times.
 */
const wallClock: ManualClock = {
  now: () => Date.now(),
  set: () => undefined,
  advance: () => undefined,
};

/** When set, the n-th message handed to the WhatsApp sender kills the process: committed, never answered. */
let crashOnSend: number | null = null;

async function main(): Promise<void> {
  fs.mkdirSync(dataDir ?? '', { recursive: true });
  const config = loadConfig({
    ATENDO_HOST: '127.0.0.1',
    ATENDO_PORT: portArg ?? '0',
    ATENDO_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  const db = openDatabase(config.dataDir);
  await migrate(db);
  await seedDemo(db, wallClock);
  const server = createServer({ config, db, clock: wallClock, logger: createLogger('silent') });
  // No WhatsApp account here: registered after createServer, which installs its own sender.
  server.deps.senders.register('whatsapp', ({ message }) => {
    crashOnSend = crashOnSend === null ? null : crashOnSend - 1;
    if (crashOnSend === 0) process.kill(process.pid, 'SIGKILL');
    return Promise.resolve({ ok: true, channelMessageId: `wamid.sync-${message.id}` });
  });
  const app: TestApp = {
    dir: config.dataDir,
    db,
    clock: wallClock,
    config,
    server,
    deps: server.deps,
  };
  server.app.use('/__sync', express.json(), controlRoutes(app));
  const running = await server.listen();
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(running.url).port) })}\n`);
  const stop = () => {
    void running
      .close()
      .then(() => db.destroy())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const Open = z.object({
  id: z.string(),
  teamId: z.string(),
  channelId: z.string().default('channel-whatsapp'),
  contactId: z.string().optional(),
  state: z.enum(['queued', 'active']).default('queued'),
  ownerId: z.string().nullable().default(null),
});

let contacts = 0;

/** A contact of its own for each conversation: one open conversation per contact and channel. */
async function newContact(app: TestApp, conversationId: string): Promise<string> {
  contacts += 1;
  const id = `contact-${conversationId}`;
  const at = app.clock.now();
  await inTransaction(app.deps, (trx) =>
    writeContact(trx, null, {
      id,
      name: `Contato ${conversationId}`,
      phones: [],
      emails: [],
      addresses: [
        {
          channelId: 'channel-whatsapp',
          address: `5511${String(at % 1e6).padStart(6, '0')}${String(contacts).padStart(3, '0')}`,
        },
      ],
      customFields: {},
      createdAt: at,
      updatedAt: at,
      version: 0,
    }),
  );
  return id;
}

function controlRoutes(app: TestApp): express.Router {
  const router = express.Router();
  const handle =
    (work: (body: unknown, req: express.Request) => Promise<unknown>) =>
    (req: express.Request, res: express.Response) => {
      work(req.body, req).then(
        (result) => res.json(result ?? { ok: true }),
        (error: unknown) => res.status(400).json({ error: String(error) }),
      );
    };
  router.post(
    '/token',
    handle(async (body) => ({
      token: await tokenFor(app, z.object({ email: z.string() }).parse(body).email),
    })),
  );
  router.post(
    '/open',
    handle(async (body) => {
      const spec = Open.parse(body);
      const contactId = spec.contactId ?? (await newContact(app, spec.id));
      return openConversation(app, { ...spec, contactId });
    }),
  );
  router.post(
    '/message',
    handle(async (body) => {
      const input = z.object({ conversationId: z.string(), id: z.string() }).parse(body);
      await addMessage(app, input.conversationId, input.id);
      return { committedAt: Date.now() };
    }),
  );
  router.post(
    '/transfer',
    handle(async (body) => {
      const input = z
        .object({ conversationId: z.string(), agentId: z.string(), teamId: z.string() })
        .parse(body);
      await transfer(app, input.conversationId, input);
      return { ok: true };
    }),
  );
  // Many documents in one commit: one live frame large enough for the server to compress.
  router.post(
    '/tags',
    handle(async (body) => {
      const input = z
        .object({ ids: z.array(z.string()).max(1000), teamId: z.string() })
        .parse(body);
      await addTags(app, input.ids, input.teamId);
      return { ok: true };
    }),
  );
  // A shift's worth of conversations: each opened for Ana, answered, and closed.
  router.post(
    '/shift',
    handle(async (body) => {
      const input = z
        .object({
          prefix: z.string(),
          count: z.number().int().min(1).max(5000),
          messages: z.number().int().min(1).max(50),
        })
        .parse(body);
      for (let n = 0; n < input.count; n++) {
        const id = `${input.prefix}-${String(n)}`;
        const contactId = await newContact(app, id);
        await openConversation(app, {
          id,
          contactId,
          channelId: 'channel-whatsapp',
          teamId: 'team-suporte',
          state: 'active',
          ownerId: 'agent-ana',
        });
        for (let m = 1; m < input.messages; m++) await addMessage(app, id, `${id}-m${String(m)}`);
        await closeConversation(app, id);
      }
      return { ok: true };
    }),
  );
  router.post(
    '/crash-on-send',
    handle((body) => {
      crashOnSend = z.object({ nth: z.number().int().min(1) }).parse(body).nth;
      return Promise.resolve({ ok: true });
    }),
  );
  // A POST: the server answers every other GET with the agent workspace's page.
  router.post(
    '/messages',
    handle(async (body) =>
      app.db
        .selectFrom('messages')
        .select(['id', 'body', 'client_id as clientId', 'direction'])
        .where(
          'conversation_id',
          '=',
          z.object({ conversationId: z.string() }).parse(body).conversationId,
        )
        .orderBy(sql`rowid`)
        .execute(),
    ),
  );
  return router;
}

void main();
