import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { CHANNELS, contactWrites, saveScreenshot, serverUrl, signIn } from './support/atendo';

/** Issue #11, "Smaller things agents noticed", as an agent meets them in the workspace. */

test('tags from the options menu, closed by Esc, shown in the header', async ({ browser }) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Preciso agendar uma visita.');
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await ana.page.getByRole('button', { name: 'Opções do contato' }).click();
  await ana.page.getByRole('menuitem', { name: 'Atribuir tag' }).click();
  const tags = ana.page.getByRole('group', { name: 'Tags do atendimento' });
  await expect(tags).toBeVisible();
  const first = tags.getByRole('checkbox').first();
  const tagName = (await tags.locator('label').first().textContent()) ?? '';
  await first.click();
  await expect(first).toBeChecked();
  await expect(ana.page.getByTestId('header-tags')).toContainText(tagName);
  await saveScreenshot(ana.page, 'header-tags-popover');
  await ana.page.keyboard.press('Escape');
  await expect(tags).toBeHidden();

  // The panel's own tag button toggles the same popover, and Esc closes it from the button too.
  await view.panelButton('Tags').click();
  await expect(tags).toBeVisible();
  await view.panelButton('Tags').focus();
  await ana.page.keyboard.press('Escape');
  await expect(tags).toBeHidden();
  await saveScreenshot(ana.page, 'header-tags');
  await ana.context.close();
});

test('the bot is labelled Bot, the queue shows the option chosen, search reads every message', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const first = await contactWrites(CHANNELS.whatsapp, 'Oi, quero a segunda via do boleto');
  await contactWrites(CHANNELS.whatsapp, '1', { name: first.name, address: first.address });
  await ana.workspace.showTab('Em espera');
  const row = ana.workspace.row(first.name);
  await expect(row).toContainText('Opção do menu: Suporte');
  await saveScreenshot(ana.page, 'queue-bot-choice');

  await ana.workspace.take(first.name);
  const view = ana.workspace.conversation;
  await expect(view.state).toHaveText('Em atendimento');
  const menu = view.messages(/Escolha uma opção/);
  await expect(menu.getByTestId('message-author')).toHaveText('Bot');
  await view.send('Claro! Já envio o boleto.');
  await view.send('Mais alguma coisa?');
  await saveScreenshot(ana.page, 'timeline-bot-label');

  // "boleto" is in the first message, not the last: the list still finds it.
  const search = ana.page.getByRole('searchbox', { name: 'Buscar contato, mensagem ou tag' });
  await search.fill('segunda via');
  await expect(ana.workspace.row(first.name)).toBeVisible();
  await search.fill('palavra que ninguém escreveu');
  await expect(ana.workspace.row(first.name)).toHaveCount(0);
  await search.fill('');
  await ana.context.close();
});

test('collaborators show presence, the owner removes one and a collaborator leaves', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const bruno = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.receptivo, 'Quero falar com o financeiro.');
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await view.panelButton('Convidar colaboradores').click();
  const dialog = ana.page.getByRole('dialog', { name: 'Convidar colaboradores' });
  await dialog.getByRole('combobox', { name: 'Agentes' }).click();
  const option = ana.page.getByRole('option', { name: /^Bruno Lima/ });
  await expect(option.getByTestId('agent-presence')).toHaveText('Disponível');
  await saveScreenshot(ana.page, 'invite-picker-presence');
  await ana.page.keyboard.press('Escape');
  await ana.page.keyboard.press('Escape');
  await view.invite('Bruno Lima');
  await expect(view.systemEvents(/Ana Souza convidou Bruno Lima/)).toBeVisible();

  await view.panelButton('Convidar colaboradores').click();
  const participant = dialog.getByTestId('participant').filter({ hasText: 'Bruno Lima' });
  await expect(participant).toContainText('Disponível');
  await saveScreenshot(ana.page, 'invite-participants');
  await participant.getByRole('button', { name: 'Remover Bruno Lima' }).click();
  await expect(dialog.getByTestId('participant')).toHaveCount(0);
  await ana.page.keyboard.press('Escape');
  await expect(view.systemEvents(/removeu Bruno Lima|Bruno Lima foi removido/)).toBeVisible();

  await view.invite('Bruno Lima');
  await bruno.workspace.open(contact.name);
  await bruno.page.getByRole('button', { name: 'Opções do contato' }).click();
  await bruno.page.getByRole('menuitem', { name: 'Sair do atendimento' }).click();
  await expect(bruno.workspace.notice('Você saiu do atendimento')).toBeVisible();
  await expect(view.systemEvents(/Bruno Lima saiu|removeu Bruno Lima/).last()).toBeVisible();
  await ana.context.close();
  await bruno.context.close();
});

test('offline, presence says so; a reload reopens the same conversation and tab', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Estou sem sinal às vezes.');
  await ana.workspace.take(contact.name);
  await expect(ana.workspace.conversation.title).toHaveText(contact.name);
  const presence = ana.page.getByTestId('presence-status');
  await expect(presence).toHaveText('Disponível');

  await ana.context.setOffline(true);
  await expect(presence).toHaveText('Sem conexão');
  await saveScreenshot(ana.page, 'presence-no-connection');
  await ana.context.setOffline(false);
  await expect(presence).toHaveText('Disponível', { timeout: 30_000 });

  await ana.page.reload();
  await expect(ana.workspace.conversation.title).toHaveText(contact.name);
  await expect(ana.workspace.tab('Em atendimento')).toHaveAttribute('aria-selected', 'true');
  await ana.context.close();
});

test('the login page speaks Portuguese on the password toggle', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).goto(serverUrl());
  await page.getByRole('button', { name: 'Mostrar senha' }).click();
  await expect(page.getByRole('button', { name: 'Ocultar senha' })).toBeVisible();
  await expect(page.getByText('Toggle password visibility')).toHaveCount(0);
  await saveScreenshot(page, 'login-password-toggle');
  await context.close();
});

test('templates: the language by name, no CSAT template, the name filled in', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  // The demo's templates are on the WhatsApp number with the bot: choose Suporte first.
  const contact = await contactWrites(CHANNELS.whatsapp, 'Oi', { name: 'Helena Modelo' });
  await contactWrites(CHANNELS.whatsapp, '1', contact);
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');
  await ana.page.getByRole('button', { name: 'Opções do contato' }).click();
  await ana.page.getByRole('menuitem', { name: 'Enviar modelo de mensagem' }).click();
  const dialog = ana.page.getByRole('dialog', { name: 'Modelo de mensagem' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('avaliacao_atendimento')).toHaveCount(0);
  await dialog.getByText('retomada_atendimento', { exact: true }).click();
  await expect(dialog.getByTestId('template-language')).toHaveText('Português (Brasil)');
  await expect(dialog.getByLabel('Parâmetro {{1}}')).toHaveValue('Helena Modelo');
  await expect(dialog.getByText('Preenchido com o nome do contato')).toBeVisible();
  // Only {{2}} (the agent's name) is left to fill.
  await expect(dialog.getByTestId('template-preview')).toContainText('Preencha: {{2}}');
  await dialog.getByLabel('Parâmetro {{2}}').fill('Ana');
  await expect(dialog.getByTestId('template-preview')).toContainText(
    'Olá Helena Modelo, aqui é Ana',
  );
  await saveScreenshot(ana.page, 'template-picker-prefilled');
  await ana.context.close();
});
