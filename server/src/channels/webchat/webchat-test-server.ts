import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { BotMenu } from '@atendo/shared/schemas/channel';
import { createServer, type RunningServer } from '../../app';
import { manualClock } from '../../clock';
import { loadConfig } from '../../config';
import { migrate, type Database } from '../../db/database';
import { openTestDatabase } from '../../testing/test-database';
import { DEMO_PASSWORD } from '../../demo-data';
import { createLogger } from '../../logger';
import type { AppRouter } from '../../router';
import { seedDemo } from '../../seed';
import type { Webchat } from './create-webchat';
import type { SessionResponse } from './protocol';

export const WEBCHAT_KEY = 'site-atendo';
export const WEBCHAT_CHANNEL_ID = 'channel-webchat';

export const TEST_MENU: BotMenu = {
  greeting: 'Olá! Escolha uma opção:',
  options: [
    { key: '1', label: 'Suporte', teamId: 'team-suporte' },
    { key: '2', label: 'Vendas', teamId: 'team-vendas' },
  ],
  invalidReply: 'Não entendi.',
  timeoutMs: 10 * 60_000,
  onTimeout: 'route-default-team',
};

/**
 * The real server on 127.0.0.1:0 with a temporary SQLite file, the demo organisation, a bot
 * menu on the demo web chat channel, and the web chat mounted as the coordinator will mount it.
 */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export type VisitorAnswer = { status: number; body: unknown };

/**
 * The test servers open many sessions from 127.0.0.1 within a minute: their limits are raised
 * unless a test passes its own (ATENDO_WEBCHAT_* variables, see config.ts).
 */
const RAISED_LIMITS = {
  ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_MINUTE: '1000',
  ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_HOUR: '10000',
  ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_MINUTE: '10000',
  ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_HOUR: '100000',
};

export async function startWebchatServer(env: Record<string, string> = {}): Promise<{
  url: string;
  db: Database;
  dataDir: string;
  webchat: Webchat;
  /** Moves the server's clock on (visitor tokens expiring); agents sign in again after it. */
  advanceClock: (ms: number) => void;
  /** A fresh sign-in's bearer token, for the plain HTTP routes (attachments). */
  agentToken: (email: string) => Promise<string>;
  agent: (email: string) => Promise<ReturnType<typeof createTRPCClient<AppRouter>>>;
  /** A visitor fills the widget's form; throws unless the session is created (201). */
  openSession: (name: string) => Promise<SessionResponse>;
  /** A visitor sends a text, as the widget does; the answer's status and JSON body. */
  say: (token: string, clientMessageId: string, text: string) => Promise<VisitorAnswer>;
  stop: () => Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-webchat-'));
  const db = await openTestDatabase(dataDir);
  await migrate(db);
  // Every reading moves time on by a millisecond, so timelines have a stable order.
  const start = manualClock(Date.UTC(2026, 2, 2, 13, 0, 0));
  const clock = {
    now: () => {
      start.advance(1);
      return start.now();
    },
  };
  await seedDemo(db, clock);
  await db
    .updateTable('channels')
    .set({ bot_menu: JSON.stringify(TEST_MENU) })
    .where('id', '=', WEBCHAT_CHANNEL_ID)
    .execute();
  const config = loadConfig({
    ...RAISED_LIMITS,
    ...env,
    ATENDO_DATA_DIR: dataDir,
    ATENDO_PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger(process.env.WEBCHAT_TEST_LOG === '1' ? 'debug' : 'silent');
  const server = createServer({ config, db, clock, logger });
  // createServer mounts the web chat itself (routes and the 'webchat' sender).
  const webchat = server.webchat;
  const running: RunningServer = await server.listen();
  const url = running.url;

  const agentToken = async (email: string) => {
    const anonymous = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc` })] });
    return (await anonymous.auth.login.mutate({ email, password: DEMO_PASSWORD })).token;
  };
  const agent = async (email: string) => {
    const token = await agentToken(email);
    return createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
    });
  };

  const openSession = async (name: string): Promise<SessionResponse> => {
    const response = await fetch(`${url}/webchat/${WEBCHAT_KEY}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, email: 'visitor@example.com', locale: 'pt-BR' }),
    });
    if (response.status !== 201) throw new Error(`no session: ${String(response.status)}`);
    return (await response.json()) as SessionResponse;
  };
  const say = async (token: string, clientMessageId: string, text: string) => {
    const response = await fetch(`${url}/webchat/sessions/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientMessageId, text }),
    });
    return { status: response.status, body: await response.json() };
  };

  return {
    url,
    db,
    dataDir,
    webchat,
    openSession,
    say,
    advanceClock: (ms) => {
      start.advance(ms);
    },
    agentToken,
    agent,
    stop: async () => {
      webchat.close();
      await running.close();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
