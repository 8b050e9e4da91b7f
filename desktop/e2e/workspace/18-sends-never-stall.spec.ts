import { expect, test, type Page } from '@playwright/test';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

/**
 * Issue #11, "Sends and saves that never stall silently": a text over the channel's limit is
 * refused in the composer, a refusal by the server ends the message as failed with the reason
 * (retry, edit, discard) while the next message goes on, a 503 keeps it queued saying why, and
 * a contact edit past the schema's limits is refused in the form.
 */

/** What tRPC's batch link gets back for a refusal or an outage, as the server would answer. */
const refuseNextSend = async (
  page: Page,
  answer: { status: number; atendoCode: string | null },
) => {
  await page.route(
    '**/trpc/conversation.sendText**',
    async (route) => {
      await route.fulfill({
        status: answer.status,
        contentType: 'application/json',
        body: JSON.stringify([
          {
            error: {
              message: 'refused by the test',
              code: -32603,
              data: {
                code: answer.status === 503 ? 'INTERNAL_SERVER_ERROR' : 'FORBIDDEN',
                httpStatus: answer.status,
                atendoCode: answer.atendoCode,
                details: {},
              },
            },
          },
        ]),
      });
    },
    { times: 1 },
  );
};

test('a 5,300-character paste is refused in the composer, whole, with the limit', async ({
  browser,
}) => {
  // Web chat goes to the Vendas queue: Bruno serves it.
  const ana = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.webchat, 'Preciso mandar um texto grande.');
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  const long = 'Lorem ipsum dolor sit amet. '.repeat(190).slice(0, 5_300);
  await view.composer.fill(long);
  await expect(ana.page.getByTestId('composer-counter')).toHaveText('5.300 / 4.096');
  await expect(
    ana.page.getByText(/A mensagem tem 5\.300 caracteres e o limite deste canal é 4\.096/),
  ).toBeVisible();
  await expect(ana.page.getByRole('button', { name: 'Enviar mensagem' })).toBeDisabled();
  await view.composer.press('Enter');
  await expect(view.outbox()).toHaveCount(0);
  // Nothing was cut: the agent decides what to remove.
  await expect(view.composer).toHaveValue(long);
  await saveScreenshot(ana.page, 'composer-over-limit');

  await view.composer.fill(`Lorem ${'x'.repeat(3_494)}`);
  await expect(ana.page.getByTestId('composer-counter')).toHaveText('3.500 / 4.096');
  await view.composer.press('Enter');
  await expect(view.messages('Lorem xxxx')).toHaveCount(1);
  await ana.context.close();
});

test('a refused message fails with the reason and offers retry, edit and discard', async ({
  browser,
}) => {
  // Web chat goes to the Vendas queue: Bruno serves it.
  const ana = await signIn(browser, 'bruno');
  const contact = await contactWrites(CHANNELS.webchat, 'Oi, tudo bem?');
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await refuseNextSend(ana.page, { status: 403, atendoCode: 'not-owner' });
  await view.send('Primeira mensagem');
  const failed = view.outbox('Primeira mensagem');
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toContainText(
    'Não enviada: Somente o responsável pelo atendimento pode fazer isso.',
  );
  for (const name of ['Tentar de novo', 'Editar', 'Descartar']) {
    await expect(failed.getByRole('button', { name })).toBeVisible();
  }
  // The refusal holds nothing back.
  await view.send('Segunda mensagem');
  await expect(view.messages('Segunda mensagem')).toHaveCount(1);
  await saveScreenshot(ana.page, 'outbox-failed-bubble');

  await failed.getByRole('button', { name: 'Editar' }).click();
  await expect(view.composer).toHaveValue('Primeira mensagem');
  await expect(view.outbox('Primeira mensagem')).toHaveCount(0);
  await view.composer.press('Enter');
  await expect(view.messages('Primeira mensagem')).toHaveCount(1);

  // A 503 is not a refusal: the message waits, says why, and goes on the next try.
  await refuseNextSend(ana.page, { status: 503, atendoCode: null });
  await view.send('Terceira mensagem');
  await expect(view.outbox('Terceira mensagem').getByTestId('outbox-waiting')).toContainText(
    'O servidor está indisponível no momento. Nova tentativa às',
  );
  await saveScreenshot(ana.page, 'outbox-waiting-bubble');
  await expect(view.messages('Terceira mensagem')).toHaveCount(1, { timeout: 20_000 });
  await ana.context.close();
});

test('a contact edit past the schema limits is refused in the form; online it says saved', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Quero corrigir meu nome.', {
    name: 'Renata Limite',
  });
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await view.panelButton('Editar contato').click();
  const dialog = ana.page.getByRole('dialog', { name: 'Editar contato' });
  await dialog.getByLabel('Nome').fill('R'.repeat(369));
  await dialog.getByRole('textbox', { name: 'Telefones 1' }).fill('(11) 98765-4321');
  await dialog.getByRole('button', { name: 'Salvar contato' }).click();
  await expect(dialog.getByText('O nome pode ter até 200 caracteres (tem 369).')).toBeVisible();
  await saveScreenshot(ana.page, 'contact-edit-name-too-long');

  await dialog.getByLabel('Nome').fill('Renata Limite Souza');
  await dialog.getByRole('button', { name: 'Salvar contato' }).click();
  await expect(dialog).toBeHidden();
  await expect(ana.workspace.notice('Contato salvo')).toBeVisible();
  await expect(ana.page.getByText('será enviada quando a conexão voltar')).toHaveCount(0);
  await expect(view.title).toHaveText('Renata Limite Souza');

  // A normal edit afterwards is saved too; offline, it says it will go when the connection is back.
  await ana.context.setOffline(true);
  await view.panelButton('Editar contato').click();
  await dialog.getByLabel('Nome').fill('Renata L. Souza');
  await dialog.getByRole('button', { name: 'Salvar contato' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    ana.workspace.notice('Alteração salva; será enviada quando a conexão voltar.'),
  ).toBeVisible();
  await ana.context.setOffline(false);
  await expect(view.title).toHaveText('Renata L. Souza', { timeout: 30_000 });
  await ana.context.close();
});
