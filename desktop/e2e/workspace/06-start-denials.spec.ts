import { expect, test } from '@playwright/test';
import { StartDialog } from './pages/start-dialog';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

test('every refusal to start a conversation is explained with the next step', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const bruno = await signIn(browser, 'bruno');
  const start = new StartDialog(ana.page);

  // Inbound-only channel ("receptivo").
  await ana.workspace.openStartDialog();
  await start.choose('Maria Oliveira', 'WhatsApp Receptivo (receptivo)');
  await expect(start.denial).toHaveAttribute('data-reason', 'inbound-only-channel');
  await expect(start.denial).toContainText('Este canal é receptivo');
  await expect(start.denial).toContainText('Escolha outro canal');
  await start.cancel();

  // The contact is still in the bot menu of the WhatsApp channel.
  const inBot = await contactWrites(CHANNELS.whatsapp, 'Oi', { name: 'Rafael Bot' });
  await ana.workspace.openStartDialog();
  // Ana's team sees conversations held by the bot, so the refusal shows before sending.
  await start.choose(inBot.name, 'WhatsApp Atendo');
  await expect(start.denial).toHaveAttribute('data-reason', 'in-bot');
  await expect(start.denial).toContainText('menu do bot');
  await expect(start.denial).toContainText('supervisor');
  await start.cancel();

  // Another agent serves the contact on that channel: the refusal names them.
  const owned = await contactWrites(CHANNELS.webchat, 'Oi, é sobre meu pedido.', {
    name: 'Sofia Dono',
  });
  await bruno.workspace.take(owned.name);
  await expect(bruno.workspace.conversation.title).toHaveText(owned.name);
  await ana.workspace.openStartDialog();
  await start.choose(owned.name, 'Chat do site');
  // Bruno's conversation is not in Ana's store (Vendas): the server's check says so at once,
  // before Ana writes anything.
  await expect(start.denial).toHaveAttribute('data-reason', 'contact-busy');
  await expect(start.dialog.getByRole('textbox', { name: 'Mensagem' })).toHaveCount(0);
  await expect(start.denial).toContainText('Bruno Lima');
  await saveScreenshot(ana.page, 'start-denied-contact-busy');
  await start.cancel();

  // Closed by another agent and still waiting for the contact's satisfaction score.
  const pending = await contactWrites(CHANNELS.whatsapp, 'Oi', { name: 'Tiago Avaliação' });
  await contactWrites(CHANNELS.whatsapp, '1', pending);
  await bruno.workspace.take(pending.name);
  const dialog = await bruno.workspace.conversation.close({
    search: 'Resolvido',
    leaf: 'Resolvido',
  });
  await dialog.getByRole('button', { name: 'Finalizar atendimento' }).click();
  await expect(bruno.workspace.conversation.state).toHaveText('Pendente de avaliação');

  await ana.workspace.openStartDialog();
  await start.choose(pending.name, 'WhatsApp Atendo');
  await expect(start.denial).toHaveAttribute('data-reason', 'awaiting-csat');
  await expect(start.denial).toContainText('pendente de avaliação');
  await start.cancel();

  await ana.context.close();
  await bruno.context.close();
});
