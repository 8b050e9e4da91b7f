import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from './protocol';
import { bearer, startWebchatServer, WEBCHAT_KEY } from './webchat-test-server';

/*
 * The web chat's abuse limits over real HTTP on loopback, with small limits so a test reaches
 * them in a few requests. Every refusal is a 429 with Retry-After and a typed JSON error, and
 * stores nothing. The tests share the server's counters and run in order.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer({
    ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_MINUTE: '3',
    ATENDO_WEBCHAT_SESSIONS_PER_IP_PER_HOUR: '50',
    ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_10S: '3',
    ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_HOUR: '300',
    ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_MINUTE: '5',
    ATENDO_WEBCHAT_MESSAGES_PER_IP_PER_HOUR: '3000',
  });
});
afterAll(async () => {
  await server.stop();
});

const storedWith = async (channelMessageId: string) =>
  (
    await server.db
      .selectFrom('messages')
      .select('id')
      .where('channel_message_id', '=', channelMessageId)
      .execute()
  ).length;

const expectLimited = (
  answer: { status: number; body: unknown; retryAfter: string | null },
  limit: string,
) => {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({
    error: {
      code: 'rate-limited',
      message: `too many requests (${limit})`,
      details: { limit, retryAfterSeconds: expect.any(Number) as number },
    },
  });
  const seconds = (answer.body as { error: { details: { retryAfterSeconds: number } } }).error
    .details.retryAfterSeconds;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(answer.retryAfter).toBe(String(seconds));
};

const say = async (token: string, id: string) => {
  const response = await fetch(`${server.url}/webchat/sessions/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ clientMessageId: id, text: 'flood' }),
  });
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, body: await response.json(), retryAfter };
};

const upload = async (token: string, id: string) => {
  const response = await fetch(`${server.url}/webchat/sessions/uploads`, {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': 'text/plain',
      'x-file-name': 'nota.txt',
      'x-client-message-id': id,
    },
    body: 'texto',
  });
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, body: await response.json(), retryAfter };
};

const openSession = async () => {
  const response = await fetch(`${server.url}/webchat/${WEBCHAT_KEY}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Flávio Flood', email: 'flood@example.com', locale: 'pt-BR' }),
  });
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, body: await response.json(), retryAfter };
};

let first: SessionResponse;
let second: SessionResponse;

describe('web chat rate limits', () => {
  it('refuse a visitor past their messages per 10 s, without storing it', async () => {
    first = await server.openSession('Flávia Rápida');
    for (const n of [1, 2, 3]) expect((await say(first.token, `flood-a-000${n}`)).status).toBe(201);
    expectLimited(await say(first.token, 'flood-a-0004'), 'messages-per-visitor');
    expect(await storedWith('flood-a-0004')).toBe(0);
    // Files count as messages, and are refused before their bytes are read.
    expectLimited(await upload(first.token, 'flood-a-file1'), 'messages-per-visitor');
    expect(await storedWith('flood-a-file1')).toBe(0);
  });

  it("refuse another visitor at the same address past the address's messages per minute", async () => {
    second = await server.openSession('Fábio Vizinho');
    // The first visitor's 3 stored messages count for the address too: 2 more fit in 5.
    for (const n of [1, 2]) expect((await say(second.token, `flood-b-000${n}`)).status).toBe(201);
    expectLimited(await say(second.token, 'flood-b-0003'), 'messages-per-ip');
    expect(await storedWith('flood-b-0003')).toBe(0);
  });

  it('refuse sessions past the per-address limit, and create nothing for them', async () => {
    const before = await server.db.selectFrom('webchat_sessions').select('token_hash').execute();
    // Two sessions opened above; the third of the minute is the last one allowed.
    expect((await openSession()).status).toBe(201);
    expectLimited(await openSession(), 'sessions-per-ip');
    const after = await server.db.selectFrom('webchat_sessions').select('token_hash').execute();
    expect(after.length).toBe(before.length + 1);
  });
});
