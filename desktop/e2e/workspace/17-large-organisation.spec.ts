import { expect, test } from '@playwright/test';
import { saveScreenshot, serverUrl, signIn } from './support/atendo';
import { OLD_CONTACT } from './support/large-org';
import { StartDialog } from './pages/start-dialog';

/*
 * An agent with history-all (Diego, Vendas) in an organisation far larger than anyone's work:
 * 20,000 contacts and 2,000 conversations closed long ago. His store holds his working set
 * only; what is older comes from the server when he asks for it.
 */
test('a large organisation: lists at once, old history and contacts from the server', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const seeded = await fetch(`${serverUrl()}/__e2e/large-org`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ oldConversations: 2_000, contacts: 20_000 }),
  });
  expect(seeded.ok).toBe(true);

  const started = Date.now();
  const diego = await signIn(browser, 'diego');
  // Rows from local data: his queue and his own conversations, from the working set (earlier
  // specs share the server, so other rows may be there too).
  await expect(diego.workspace.row('Cliente 9')).toBeVisible();
  await diego.workspace.showTab('Em atendimento');
  await expect(diego.workspace.row('Cliente 8')).toBeVisible();
  test.info().annotations.push({
    type: 'lists usable after sign-in (ms)',
    description: String(Date.now() - started),
  });
  await saveScreenshot(diego.page, 'large-org-lists');

  // The old contact is in no working set: the start dialog finds it on the server.
  await diego.workspace.openStartDialog();
  const start = new StartDialog(diego.page);
  await start.choose(OLD_CONTACT.name, 'WhatsApp Atendo');
  await expect(
    start.dialog.getByText('Para iniciar no WhatsApp é preciso enviar um modelo de mensagem.'),
  ).toBeVisible();
  await start.openTemplatePicker();
  const view = diego.workspace.conversation;
  await view.sendTemplate('retomada_atendimento', ['Zuleica', 'Diego']);
  await expect(view.title).toHaveText(OLD_CONTACT.name);

  // Her conversation of months ago opens from the server in the history drawer.
  const drawer = await view.openHistory();
  await drawer.getByTestId('history-item').first().click();
  const timeline = drawer.getByTestId('history-timeline');
  await expect(
    timeline.getByText('Mensagem 1: um texto de tamanho típico de atendimento.'),
  ).toBeVisible();
  await saveScreenshot(diego.page, 'large-org-old-history');
  await diego.page.keyboard.press('Escape');

  // Offline, a contact outside the store cannot be looked up, and the dialog says why.
  await diego.context.setOffline(true);
  await diego.workspace.openStartDialog();
  const offline = new StartDialog(diego.page);
  const contact = offline.dialog.getByRole('combobox', { name: 'Contato' });
  await contact.click();
  await contact.fill('Cliente 1999');
  await expect(diego.page.getByText('Sem conexão, mostrando só contatos locais.')).toBeVisible();
  await saveScreenshot(diego.page, 'large-org-offline-search');
  await diego.context.setOffline(false);
  await diego.context.close();
});
