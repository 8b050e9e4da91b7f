import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

/**
 * Issue #13, "Quick replies": `/` in the composer lists the team's replies (the demo seeds a few
 * per team), typing narrows them, the keyboard picks one and its variables are filled in.
 */
test('typing / lists the team’s quick replies; Enter inserts one with the names filled in', async ({
  browser,
}) => {
  // Web chat goes to the Vendas queue: Bruno serves it.
  const bruno = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.webchat, 'Quero uma proposta para minha loja.');
  const view = bruno.workspace.conversation;
  await bruno.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await view.composer.fill('/');
  const list = bruno.page.getByRole('listbox', { name: 'Respostas rápidas' });
  // Vendas' replies only: Suporte's "segunda-via" is not offered here.
  await expect(list.getByRole('option')).toHaveText([/\/proposta/, /\/saudacao/]);
  await saveScreenshot(bruno.page, 'quick-replies');

  await view.composer.fill('/sau');
  await expect(list.getByRole('option')).toHaveCount(1);
  await view.composer.press('Enter');
  await expect(list).toBeHidden();
  await expect(view.composer).toHaveValue(
    'Olá, Cliente! Sou Bruno, do time de Vendas. Em que posso ajudar?',
  );
  // The inserted text is a draft: the agent may edit it, and Enter sends it as any message.
  await view.composer.press('Enter');
  await expect(view.messages('Sou Bruno, do time de Vendas')).toHaveCount(1);

  // Arrows choose; Esc closes the list and leaves what was typed.
  await view.composer.fill('/');
  await view.composer.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveText(/\/saudacao/);
  await view.composer.press('Escape');
  await expect(list).toBeHidden();
  await expect(view.composer).toHaveValue('/');

  // A slash in a sentence is just text, and an unknown shortcut says so.
  await view.composer.fill('pagamento 1/2');
  await expect(list).toBeHidden();
  await view.composer.fill('/xyz');
  await expect(bruno.page.getByText('Nenhuma resposta rápida para “/xyz”.')).toBeVisible();
  await bruno.context.close();
});
