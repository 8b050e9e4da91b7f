import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';

test('typing offline queues the message; after reconnecting it is delivered exactly once', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Vocês estão aí?', {
    name: 'Igor Offline',
  });
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.title).toHaveText(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await ana.context.setOffline(true);
  await expect(ana.workspace.offlineBanner).toBeVisible();
  await view.send('Estamos sim! Mensagem escrita sem conexão.');
  await expect(view.outbox('Mensagem escrita sem conexão')).toHaveAttribute(
    'data-state',
    'pending',
  );

  await ana.context.setOffline(false);
  await expect(ana.workspace.offlineBanner).toBeHidden();
  await expect(view.messages('Mensagem escrita sem conexão')).toHaveCount(1);
  await expect(view.outbox()).toHaveCount(0);

  // A reload reads the replicated copy: still exactly one.
  await ana.page.reload();
  await ana.workspace.open(contact.name);
  await expect(view.messages('Mensagem escrita sem conexão')).toHaveCount(1);

  // What is typed but not sent is a draft, kept per conversation while the agent works elsewhere.
  await view.composer.fill('Rascunho que não pode se perder');
  const other = await contactWrites(CHANNELS.receptivo, 'Oi!', { name: 'Joana Rascunho' });
  await ana.workspace.take(other.name);
  await expect(view.title).toHaveText(other.name);
  await expect(view.composer).toHaveValue('');
  await ana.workspace.open(contact.name);
  await expect(view.composer).toHaveValue('Rascunho que não pode se perder');

  await ana.context.close();
});
