import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';

test('editing a contact validates and normalises phone numbers to E.164', async ({ browser }) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Quero atualizar meu cadastro.', {
    name: 'Otávio Cadastro',
  });
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await view.panelButton('Editar contato').click();
  const dialog = ana.page.getByRole('dialog', { name: 'Editar contato' });
  await dialog.getByLabel('Nome').fill('Otávio Cadastro Silva');
  await dialog.getByRole('button', { name: 'Adicionar telefone' }).click();
  await dialog.getByRole('textbox', { name: 'Telefones 2' }).fill('123');
  await dialog.getByRole('button', { name: 'Salvar contato' }).click();
  await expect(dialog.getByText('Telefone inválido. Informe DDD e número.')).toBeVisible();

  await dialog.getByRole('textbox', { name: 'Telefones 2' }).fill('(21) 99876-5432');
  await dialog.getByRole('button', { name: 'Salvar contato' }).click();
  await expect(dialog).toBeHidden();

  await expect(view.title).toHaveText('Otávio Cadastro Silva');
  await view.panelButton('Editar contato').click();
  await expect(dialog.getByRole('textbox', { name: 'Telefones 2' })).toHaveValue('+5521998765432');

  await ana.context.close();
});
