import { expect, test } from '@playwright/test';
import { AdminConsole } from '../organisation/admin-console';
import { signIn } from './support/atendo';

/*
 * The console's catalogue on the demo organisation: Meta's statuses and a sync that says what is
 * missing, a refusal from the server under the field it names, what removing a used disposition
 * does, and a supervisor reading without changing. Nothing here changes the demo's data.
 */

test('an admin sees Meta statuses, a typed refusal under its field, and what removing does', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'admin');
  const admin = new AdminConsole(page);
  await admin.open();

  await admin.section('Modelos de mensagem');
  await admin.pick(page, 'Canal', 'WhatsApp Atendo · WhatsApp');
  const templates = page.getByRole('table', { name: 'Modelos de mensagem' });
  await expect(templates.getByRole('row').filter({ hasText: 'status_pedido' })).toContainText(
    'Aprovado',
  );
  // The demo number has no Meta credentials: the sync says so instead of failing silently.
  await page.getByRole('button', { name: 'Sincronizar com a Meta' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Não foi possível sincronizar com a Meta' }),
  ).toBeVisible();
  await admin.screenshot('admin-templates-whatsapp');

  await admin.section('Tags');
  await admin.chooseTeam('Suporte');
  await page.getByRole('button', { name: 'Nova tag' }).click();
  const dialog = admin.dialog('Nova tag');
  await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill('Urgente');
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(dialog.getByText('Já existe um cadastro com este valor')).toBeVisible();
  await admin.screenshot('admin-tag-duplicate');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('table', { name: 'Tags' }).getByText('Urgente')).toHaveCount(1);

  await admin.section('Tabulações');
  await admin.chooseTeam('Suporte');
  // "Resolvido" closed a demo conversation: it and its group are kept, "Encaminhado" is not.
  await page.getByRole('button', { name: 'Remover Problema técnico' }).click();
  const remove = admin.dialog('Remover Problema técnico');
  await expect(remove).toContainText('serão arquivados');
  await expect(remove).toContainText('serão apagados');
  await admin.screenshot('admin-disposition-remove');
  await remove.getByRole('button', { name: 'Cancelar' }).click();
  await context.close();
});

test('a supervisor reads the catalogue but changes nothing, and has no audit log', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'carla');
  const admin = new AdminConsole(page);
  await admin.open();
  await admin.section('Tabulações');
  await expect(page.getByTestId('admin-read-only')).toBeVisible();
  await admin.chooseTeam('Suporte');
  await expect(page.getByRole('treeitem', { name: 'Cobrança' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nova tabulação' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remover / })).toHaveCount(0);
  await expect(admin.nav.getByText('Auditoria', { exact: true })).toHaveCount(0);
  await context.close();
});
