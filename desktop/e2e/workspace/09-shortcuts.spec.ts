import { expect, test } from '@playwright/test';
import { signIn } from './support/atendo';

test('the help overlay lists the shortcuts, and Alt+N takes the longest-waiting conversation', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  await ana.page.keyboard.press('F1');
  const help = ana.page.getByRole('dialog', { name: 'Atalhos de teclado' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Assumir o próximo em espera/ })).toContainText(
    'Alt + N',
  );
  await expect(help.getByRole('row', { name: /Finalizar atendimento/ })).toContainText('Alt + F');
  await ana.page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await ana.workspace.showTab('Em espera');
  const first = ana.workspace.page.getByTestId('conversation-row').first();
  const firstName = first.getByRole('paragraph').first();
  // Until the contacts have synced, a row shows the placeholder "Contato" instead of the name.
  await expect(firstName).not.toHaveText('Contato');
  const name = (await firstName.textContent()) ?? '';
  await ana.page.keyboard.press('Alt+KeyN');
  await expect(ana.workspace.conversation.title).toHaveText(name);
  await expect(ana.workspace.conversation.state).toHaveText('Em atendimento');

  await ana.page.keyboard.press('Alt+KeyT');
  await expect(ana.page.getByRole('dialog', { name: 'Transferir atendimento' })).toBeVisible();

  await ana.context.close();
});
