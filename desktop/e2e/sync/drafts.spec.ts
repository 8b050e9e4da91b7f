import { call, reopen } from './support/harness-page';
import { expect, startAs, test } from './support/fixtures';

/* Drafts live only in IndexedDB: they survive reloads, online or offline. */

test('a draft survives an app restart, online and offline', async ({ harness, server }) => {
  await server.control('open', {
    id: 'conv-draft',
    teamId: 'team-suporte',
    state: 'active',
    ownerId: 'agent-ana',
  });
  const options = await startAs(harness, server);
  await call(harness, 'saveDraft', 'conv-draft', 'Olá, estou verificando o seu pedido');

  const restart = async () => {
    await reopen(harness, server.origin);
    await call(harness, 'start', options);
  };
  await restart();
  expect(await call(harness, 'draft', 'conv-draft')).toBe('Olá, estou verificando o seu pedido');

  await harness.context().setOffline(true);
  await restart();
  expect(await call(harness, 'draft', 'conv-draft')).toBe('Olá, estou verificando o seu pedido');
  await call(harness, 'saveDraft', 'conv-draft', 'Escrito sem rede');
  await restart();
  expect(await call(harness, 'draft', 'conv-draft')).toBe('Escrito sem rede');

  await harness.context().setOffline(false);
  await restart();
  expect(await call(harness, 'draft', 'conv-draft')).toBe('Escrito sem rede');
});
