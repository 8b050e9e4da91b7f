import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';

test('a transfer arrives live for the other agent, and an invited agent signs their message', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const bruno = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.receptivo, 'Quero mudar meu plano.');

  await ana.workspace.take(contact.name);
  await expect(ana.workspace.conversation.title).toHaveText(contact.name);
  await ana.workspace.conversation.transfer({
    agent: 'Bruno Lima',
    note: 'Cliente quer mudar de plano',
  });

  // Bruno sees it arrive without reloading.
  await bruno.workspace.showTab('Em atendimento');
  await expect(bruno.workspace.row(contact.name)).toBeVisible();
  await bruno.workspace.open(contact.name);
  await expect(
    bruno.workspace.conversation.systemEvents(/Transferido para Bruno Lima/),
  ).toBeVisible();
  await expect(
    bruno.workspace.conversation.systemEvents(/Cliente quer mudar de plano/),
  ).toBeVisible();

  await bruno.workspace.conversation.invite('Ana Souza');
  await expect(
    bruno.workspace.conversation.systemEvents(/Bruno Lima convidou Ana Souza/),
  ).toBeVisible();

  await ana.workspace.open(contact.name);
  await ana.workspace.conversation.send('Oi! Sou a Ana, vou ajudar o Bruno com o seu plano.');

  const seenByBruno = bruno.workspace.conversation.messages('vou ajudar o Bruno');
  await expect(seenByBruno.getByTestId('message-author')).toHaveText('Ana Souza');

  await ana.context.close();
  await bruno.context.close();
});
