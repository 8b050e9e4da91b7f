import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startWebchatServer, WEBCHAT_KEY } from '../../src/channels/webchat/webchat-test-server';

/*
 * Issue #11, the widget as a customer sees it: the intro's fields line up, 📎 is a named button
 * with a tooltip, every message carries its time, and the thank-you after the rating is scrolled
 * into view however long the conversation was.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
let customerSite: http.Server;
let customerUrl = '';

test.beforeAll(async () => {
  server = await startWebchatServer();
  customerSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"></head><body><h1>Loja</h1>
<script src="${server.url}/webchat/widget.js" data-channel="${WEBCHAT_KEY}" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => customerSite.listen(0, '127.0.0.1', resolve));
  customerUrl = `http://127.0.0.1:${(customerSite.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  customerSite.closeAllConnections();
  await new Promise((resolve) => customerSite.close(resolve));
  await server.stop();
});

test.use({ locale: 'pt-BR' });

test('fields aligned, a named attach button, timestamps, the thank-you in view', async ({
  page,
}) => {
  await page.goto(customerUrl);
  await page.locator('[data-atendo-webchat] .launcher').click();
  const name = page.getByLabel('Nome');
  const email = page.getByLabel('E-mail');
  const [nameBox, emailBox] = [await name.boundingBox(), await email.boundingBox()];
  expect(nameBox?.x).toBe(emailBox?.x);
  expect(nameBox?.width).toBe(emailBox?.width);
  await page.screenshot({ path: 'test-results/screenshots/webchat-intro.png' });
  await name.fill('Paula Visitante');
  await email.fill('paula@example.com');
  await page.getByRole('button', { name: 'Iniciar conversa' }).click();

  const attach = page.getByRole('button', { name: 'Anexar arquivo' });
  await expect(attach).toBeVisible();
  await expect(attach).toHaveAttribute('title', 'Anexar arquivo');

  const input = page.getByPlaceholder('Digite sua mensagem…');
  await input.fill('Oi!');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
  await input.fill('1');
  await input.press('Enter');
  await expect(page.getByText('Aguardando um atendente…')).toBeVisible();
  const first = page.locator('.msg.inbound', { hasText: 'Oi!' });
  await expect(first.locator('time')).toHaveText(/\d{2}:\d{2}$/);

  const conversation = await server.db
    .selectFrom('conversations')
    .select('id')
    .where('state', '=', 'queued')
    .where('channel_id', '=', 'channel-webchat')
    .executeTakeFirstOrThrow();
  const ana = await server.agent('ana@atendo.demo');
  await ana.conversation.take.mutate({ conversationId: conversation.id });
  // A conversation longer than the panel, so the end is below the fold unless scrolled to.
  for (let i = 1; i <= 12; i += 1) {
    await ana.conversation.sendText.mutate({
      conversationId: conversation.id,
      clientId: `ana-layout-${i}`,
      text: `Linha ${i} da resposta, com detalhes do seu pedido.`,
    });
  }
  await expect(page.locator('.msg.outbound', { hasText: 'Linha 12' })).toBeInViewport();
  await expect(
    page.locator('.msg.outbound', { hasText: 'Linha 12' }).locator('.author'),
  ).toHaveText('Ana Souza');
  await page.screenshot({ path: 'test-results/screenshots/webchat-timestamps.png' });

  await ana.conversation.close.mutate({
    conversationId: conversation.id,
    dispositionId: 'disp-duvida-produto',
  });
  await page.getByRole('button', { name: '5', exact: true }).click();
  await page.getByRole('button', { name: 'Enviar avaliação' }).click();
  const thanks = page.getByText('Obrigado pela sua avaliação!');
  await expect(thanks).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/webchat-csat-thanks.png' });
});
