import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atendoCodeOf,
  chunkedBody,
  startHostileServer,
  type HostileServer,
  type UploadBody,
} from './hostile-support';

/*
 * Hostile requests to the API over real HTTP on loopback: oversize bodies, malformed JSON and
 * tRPC frames, wrong types, unknown routes. Each gets a typed JSON error (never Express's HTML
 * page, never a 500), stores nothing, and the server goes on answering.
 */

let s: HostileServer;
beforeAll(async () => {
  s = await startHostileServer();
});
afterAll(async () => {
  await s.stop();
});

const MB = 1024 * 1024;
const post = (path: string, body: UploadBody, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });

/** The atendoCode of a tRPC answer, single or batched. */
async function trpcCodes(response: Response): Promise<unknown[]> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  const items = Array.isArray(body) ? body : [body];
  return items.map(
    (item) => (item as { error?: { data?: { atendoCode?: unknown } } }).error?.data?.atendoCode,
  );
}

describe('tRPC bodies', () => {
  it('refuses a body declaring more than the limit before reading it', async () => {
    const login = JSON.stringify({ email: 'ana@atendo.demo', password: 'x'.repeat(2 * MB) });
    const response = await s.expectNothingStored(() => post('/trpc/auth.login', login));
    expect(response.status).toBe(413);
    expect(await trpcCodes(response)).toEqual(['body-too-large']);
  });

  it('answers an oversize batch with one typed error per call', async () => {
    const body = JSON.stringify({ 0: { email: 'x'.repeat(2 * MB) }, 1: {} });
    const response = await s.expectNothingStored(() =>
      post('/trpc/auth.login,auth.login?batch=1', body),
    );
    expect(response.status).toBe(413);
    expect(await trpcCodes(response)).toEqual(['body-too-large', 'body-too-large']);
  });

  it('stops a chunked body at the limit while it streams', async () => {
    const response = await s.expectNothingStored(() =>
      post('/trpc/auth.login', chunkedBody(3 * MB)),
    );
    expect(response.status).toBe(413);
    expect(await trpcCodes(response)).toEqual(['body-too-large']);
  });

  it.each([
    ['malformed JSON', '/trpc/auth.login', '{"email": "ana@'],
    ['a wrong type', '/trpc/auth.login', JSON.stringify({ email: 42, password: ['x'] })],
    ['no input at all', '/trpc/auth.login', ''],
    ['a batch frame that is not an object', '/trpc/auth.login,auth.login?batch=1', '[1,2]'],
    [
      'a batch frame with a malformed entry',
      '/trpc/auth.login,auth.login?batch=1',
      '{"0":{"email":null},"1":7}',
    ],
    ['a batch of unknown procedures', '/trpc/nope.a,nope.b?batch=1', '{}'],
    ['an unknown procedure', '/trpc/admin.doesNotExist', '{}'],
  ])('answers %s with a typed 4xx', async (_label, path, body) => {
    const response = await s.expectNothingStored(() => post(path, body));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    for (const code of await trpcCodes(response)) expect(code).toEqual(expect.any(String));
  });

  // Stored text losing NUL and bidi controls is asserted in channels/webchat/webchat-storable-text.test.ts.
  it('answers an e-mail with NUL and bidi controls with a typed refusal', async () => {
    const response = await post(
      '/trpc/auth.login',
      JSON.stringify({ email: 'ana\u0000@atendo.demo\u202E', password: 'x' }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    for (const code of await trpcCodes(response)) expect(code).toEqual(expect.any(String));
  });
});

describe('plain HTTP routes', () => {
  it.each([
    ['an unknown API route', 'GET', '/api/nope'],
    ['an unknown upload route', 'POST', '/api/conversations/x/elsewhere'],
    ['an unknown webhook kind', 'POST', '/webhooks/telegram/x'],
  ])('answer %s with a JSON 404', async (_label, method, path) => {
    const response = await s.expectNothingStored(() => fetch(`${s.url}${path}`, { method }));
    expect(response.status).toBe(404);
    expect(await atendoCodeOf(response)).toBe('not-found');
  });

  it('answers malformed JSON to the web chat with a typed 400', async () => {
    const response = await s.expectNothingStored(() =>
      post('/webchat/site-atendo/sessions', '{"name":'),
    );
    expect(response.status).toBe(400);
    expect(await atendoCodeOf(response)).toBe('invalid-input');
  });

  it('answers an oversize web chat message with a typed JSON 413', async () => {
    const text = 'a'.repeat(64 * 1024);
    const response = await s.expectNothingStored(() =>
      post(
        '/webchat/sessions/messages',
        JSON.stringify({ clientMessageId: 'hostile-big-0001', text }),
        { authorization: `Bearer ${s.visitorToken}` },
      ),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers an oversize webhook with a JSON 413, not an HTML page', async () => {
    const response = await s.expectNothingStored(() =>
      post('/webhooks/whatsapp/channel-whatsapp', Buffer.alloc(6 * MB, 0x20)),
    );
    expect(response.status).toBe(413);
    expect(await atendoCodeOf(response)).toBe('body-too-large');
  });
});
