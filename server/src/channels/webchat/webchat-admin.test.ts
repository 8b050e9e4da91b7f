import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebchatServer } from './webchat-test-server';

/* A web chat set up in the admin console: its widget config, allowed origins, archiving. */

type Server = Awaited<ReturnType<typeof startWebchatServer>>;
let s: Server;
beforeEach(async () => {
  s = await startWebchatServer();
});
afterEach(async () => {
  await s.stop();
});

const open = (key: string, origin: string | null) =>
  fetch(`${s.url}/webchat/${key}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
    body: JSON.stringify({ name: 'Rita', email: 'rita@example.com', locale: 'pt-BR' }),
  });

async function createLoja() {
  const admin = await s.agent('admin@atendo.demo');
  return admin.admin.channels.create.mutate({
    kind: 'webchat',
    name: 'Chat da loja',
    defaultTeamId: 'team-vendas',
    key: 'loja-online',
    webchat: {
      allowedOrigins: ['https://loja.example.com'],
      colors: { primary: '#0b7285', text: '#ffffff' },
      greeting: 'Olá! Como podemos ajudar?',
      preChatFields: [{ key: 'pedido', label: 'Número do pedido', type: 'text', required: false }],
      language: 'pt-BR',
    },
  });
}

describe('a web chat set up by an admin', () => {
  it('serves its look, greeting and form to the widget', async () => {
    await createLoja();
    const response = await fetch(`${s.url}/webchat/loja-online/config`);
    expect(await response.json()).toEqual({
      name: 'Chat da loja',
      colors: { primary: '#0b7285', text: '#ffffff' },
      greeting: 'Olá! Como podemos ajudar?',
      preChatFields: [{ key: 'pedido', label: 'Número do pedido', type: 'text', required: false }],
      language: 'pt-BR',
    });
    expect((await fetch(`${s.url}/webchat/nao-existe/config`)).status).toBe(404);
  });

  it('opens sessions only for pages on its allowed origins', async () => {
    await createLoja();
    expect((await open('loja-online', 'https://loja.example.com')).status).toBe(201);
    const other = await open('loja-online', 'https://evil.example.net');
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      error: { code: 'forbidden', details: { field: 'origin' } },
    });
    expect((await open('loja-online', null)).status).toBe(403);
    // The demo web chat sets no origins: any page may embed it.
    expect((await open('site-atendo', 'https://anywhere.example.org')).status).toBe(201);
  });

  it('takes a visitor to the default team, and opens no session once archived', async () => {
    const channel = await createLoja();
    const admin = await s.agent('admin@atendo.demo');
    await admin.admin.channels.archive.mutate({ channelId: channel.id });
    expect((await open('loja-online', 'https://loja.example.com')).status).toBe(404);
    await admin.admin.channels.restore.mutate({ channelId: channel.id });
    expect((await open('loja-online', 'https://loja.example.com')).status).toBe(201);
  });
});
