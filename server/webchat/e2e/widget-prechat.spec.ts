import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import {
  DEFAULT_WEBCHAT_SETTINGS,
  type WebchatSettings,
} from '@atendo/shared/schemas/admin/channels';
import {
  startWebchatServer,
  WEBCHAT_CHANNEL_ID,
  WEBCHAT_KEY,
} from '../../src/channels/webchat/webchat-test-server';

/*
 * Issue #12, the channel's own form: an admin set the web chat in English with an extra required
 * question. A visitor whose browser speaks Portuguese still gets English, answers the question,
 * and the agent finds the answer in the contact's fields (and English as its language).
 */

const SETTINGS: WebchatSettings = {
  ...DEFAULT_WEBCHAT_SETTINGS,
  language: 'en',
  preChatFields: [
    { key: 'order', label: 'Order number', type: 'text', required: true },
    { key: 'mobile', label: 'Mobile', type: 'phone', required: false },
  ],
};

let server: Awaited<ReturnType<typeof startWebchatServer>>;
let customerSite: http.Server;
let customerUrl = '';

test.beforeAll(async () => {
  server = await startWebchatServer();
  await server.db
    .updateTable('channels')
    .set({ settings: JSON.stringify(SETTINGS) })
    .where('id', '=', WEBCHAT_CHANNEL_ID)
    .execute();
  customerSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"></head><body><h1>Shop</h1>
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

test('the channel’s language and extra question, and the answer on the agent’s contact', async ({
  page,
}) => {
  await page.goto(customerUrl);
  const launcher = page.locator('[data-atendo-webchat] .launcher');
  await expect(launcher).toHaveText('Chat with us');
  await launcher.click();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  const order = page.getByLabel('Order number');
  await expect(order).toHaveAttribute('required', '');
  await expect(page.getByLabel('Mobile')).toHaveAttribute('type', 'tel');
  await page.screenshot({ path: 'docs/screenshots/webchat-prechat.png' });

  await page.getByLabel('Name').fill('Olivia Visitor');
  await page.getByLabel('E-mail', { exact: true }).fill('olivia@example.com');
  // The browser holds the form back while the required question is empty.
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByPlaceholder('Type your message…')).toBeHidden();
  expect(await order.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);

  await order.fill('A-1234');
  // A number the server cannot read is named, and nothing starts.
  await page.getByLabel('Mobile').fill('123');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText('Please check “Mobile”.')).toBeVisible();
  await expect(page.getByLabel('Mobile')).toBeFocused();
  await page.getByLabel('Mobile').fill('(11) 98765-4321');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const input = page.getByPlaceholder('Type your message…');
  await input.fill('Where is my order?');
  await input.press('Enter');
  await expect(page.locator('.msg.inbound', { hasText: 'Where is my order?' })).toBeVisible();

  const { contactId } = await server.db
    .selectFrom('contacts')
    .select('id as contactId')
    .where('name', '=', 'Olivia Visitor')
    .executeTakeFirstOrThrow();
  const ana = await server.agent('ana@atendo.demo');
  const contact = await ana.contact.get.query({ id: contactId });
  expect(contact).toMatchObject({
    emails: ['olivia@example.com'],
    customFields: { order: 'A-1234', mobile: '+5511987654321', locale: 'en' },
  });
});

test('without the channel’s settings the widget speaks the browser’s language', async ({
  page,
}) => {
  await page.route('**/webchat/*/config', (route) => route.abort());
  await page.goto(customerUrl);
  const launcher = page.locator('[data-atendo-webchat] .launcher');
  await expect(launcher).toHaveText('Fale conosco');
  await launcher.click();
  await expect(page.getByLabel('Nome')).toBeVisible();
  await expect(page.getByLabel('Order number')).toHaveCount(0);
});
