import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWebchatServer, WEBCHAT_KEY } from '../../src/channels/webchat/webchat-test-server';

/*
 * The contact's side in a real browser: a customer's page on another origin embeds the widget
 * with one script tag, and an agent answers through the real tRPC API.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
let customerSite: http.Server;
let customerUrl = '';

// The customer's own site, on another origin, with nothing but the one script tag.
const customerPage = (atendoUrl: string) => `<!doctype html><html><head><meta charset="utf-8">
<style>button { background: hotpink !important; font-size: 30px; }</style></head>
<body><h1>Loja Exemplo</h1>
<script src="${atendoUrl}/webchat/widget.js" data-channel="${WEBCHAT_KEY}" async></script>
</body></html>`;

test.beforeAll(async () => {
  server = await startWebchatServer();
  customerSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(customerPage(server.url));
  });
  await new Promise<void>((resolve) => customerSite.listen(0, '127.0.0.1', resolve));
  customerUrl = `http://127.0.0.1:${(customerSite.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  customerSite.closeAllConnections();
  await new Promise((resolve) => customerSite.close(resolve));
  await server.stop();
});

test('a visitor chats through the bot, an agent and the rating, and keeps it on reload', async ({
  page,
}) => {
  await page.goto(customerUrl);
  const launcher = page.locator('[data-atendo-webchat] .launcher');
  await expect(launcher).toHaveText('Chat with us');
  // The host page paints every button hot pink; the shadow root keeps the widget's own colours.
  expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(31, 111, 235)',
  );
  await launcher.click();
  await page.getByLabel('Name').fill('Paula Visitante');
  await page.getByLabel('E-mail').fill('paula@example.com');
  await page.getByRole('button', { name: 'Start chat' }).click();

  const input = page.getByPlaceholder('Type your message…');
  await input.fill('Oi!');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
  await input.fill('1');
  await input.press('Enter');
  await expect(page.getByText('Waiting for an agent…')).toBeVisible();

  await page.locator('[data-atendo-webchat] input[type=file]').setInputFiles({
    name: 'nota.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('pedido 123'),
  });
  await expect(page.locator('.msg.inbound', { hasText: '📄 nota.txt' })).toBeVisible();
  await page.locator('[data-atendo-webchat] input[type=file]').setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByText('This type of file is not accepted.')).toBeVisible();

  const conversation = await server.db
    .selectFrom('conversations')
    .select('id')
    .where('state', '=', 'queued')
    .where('channel_id', '=', 'channel-webchat')
    .executeTakeFirstOrThrow();
  const ana = await server.agent('ana@atendo.demo');
  await ana.conversation.take.mutate({ conversationId: conversation.id });
  await ana.conversation.sendText.mutate({
    conversationId: conversation.id,
    clientId: 'ana-widget-1',
    text: 'Olá Paula, em que posso ajudar?',
  });
  const bubble = page.locator('.msg.outbound', { hasText: 'Olá Paula' });
  await expect(bubble.locator('.author')).toHaveText('Ana Souza');

  await page.reload();
  await page.locator('[data-atendo-webchat] .launcher').click();
  await expect(page.locator('.msg.outbound', { hasText: 'Olá Paula' })).toBeVisible();

  await ana.conversation.close.mutate({
    conversationId: conversation.id,
    dispositionId: 'disp-duvida-produto',
  });
  await expect(
    page.getByText('How would you rate this conversation?', { exact: true }),
  ).toBeVisible();
  // The close asks in the visitor's language too, not always in Portuguese.
  await expect(page.locator('.msg.outbound', { hasText: 'Reply with a score' })).toBeVisible();
  await page.getByRole('button', { name: '4', exact: true }).click();
  await page.getByPlaceholder('Comment (optional)').fill('Rápido');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByText('Thank you for your rating!')).toBeVisible();
  const answer = await server.db
    .selectFrom('csat_answers')
    .selectAll()
    .where('conversation_id', '=', conversation.id)
    .executeTakeFirstOrThrow();
  expect(answer).toMatchObject({ score: 4, comment: 'Rápido' });
});

const DAY = 86_400_000;
const STORAGE_KEY = `atendo-webchat:${WEBCHAT_KEY}`;

async function startChat(page: Page, name: string) {
  await page.goto(customerUrl);
  await page.locator('[data-atendo-webchat] .launcher').click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill('visitor@example.com');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const input = page.getByPlaceholder('Type your message…');
  await input.fill('Oi!');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
  // The widget acknowledges the menu it showed; that change is pushed to the stream, which
  // would end it at once if a test moved the clock past the token's expiry before it landed.
  await expect.poll(() => undeliveredTo(name)).toBe(0);
  return input;
}

const undeliveredTo = async (name: string) =>
  (
    await server.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select('messages.id')
      .where('contacts.name', '=', name)
      .where('messages.direction', '=', 'outbound')
      .where('messages.status', '!=', 'delivered')
      .execute()
  ).length;

test('an expired token sends the visitor back to the form, and a fresh start works', async ({
  page,
}) => {
  const input = await startChat(page, 'Otto Expirado');
  server.advanceClock(30 * DAY);

  // The next send is refused: the widget forgets the token instead of failing quietly.
  await input.fill('ainda aí?');
  await input.press('Enter');
  await expect(
    page.getByText('Your chat session has expired. Enter your details to start again.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  await expect(input).toBeHidden();
  await expect(page.locator('.msg')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();

  await page.getByLabel('Name').fill('Otto Expirado');
  await page.getByLabel('E-mail').fill('otto@example.com');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await input.fill('Oi de novo');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
  await expect(page.getByText('ainda aí?')).toHaveCount(0);
});

test('a token expiring while the visitor only watches ends the stream and shows the form', async ({
  page,
}) => {
  await startChat(page, 'Olga Ociosa');
  // Reloading the transcript fails from now on, so only the stream's own end event can bring
  // the form back: a widget that merely reconnected would stay on 'Reconnecting…'.
  await page.route('**/webchat/sessions/transcript', (route) => route.abort());
  server.advanceClock(30 * DAY);
  server.webchat.hub.heartbeat();
  await expect(
    page.getByText('Your chat session has expired. Enter your details to start again.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  await expect(page.locator('.msg')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
});

test('a tampered token found on reload shows the form again', async ({ page }) => {
  await startChat(page, 'Tina Truque');
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as { token: string };
    localStorage.setItem(key, JSON.stringify({ ...stored, token: `x${stored.token}` }));
  }, STORAGE_KEY);
  await page.reload();
  await page.locator('[data-atendo-webchat] .launcher').click();
  await expect(
    page.getByText('Your chat session is no longer valid. Enter your details again.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  await expect(page.locator('.msg')).toHaveCount(0);
});

// A 1×1 PNG, so the thumbnail really decodes (naturalWidth 1) in the browser.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4 proposta 42\n');

async function agentSendsFiles(
  conversationId: string,
  files: { name: string; type: string; bytes: Buffer }[],
) {
  const ana = await server.agent('ana@atendo.demo');
  await ana.conversation.take.mutate({ conversationId });
  const token = await server.agentToken('ana@atendo.demo');
  const attachmentIds: string[] = [];
  for (const file of files) {
    const response = await fetch(`${server.url}/api/conversations/${conversationId}/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': file.type,
        'x-file-name': encodeURIComponent(file.name),
      },
      body: new Uint8Array(file.bytes),
    });
    expect(response.status).toBe(201);
    attachmentIds.push(((await response.json()) as { attachment: { id: string } }).attachment.id);
  }
  await ana.conversation.sendAttachment.mutate({
    conversationId,
    clientId: 'ana-files-1',
    attachmentIds,
  });
}

const naturalWidth = (img: Locator) => img.evaluate((el) => (el as HTMLImageElement).naturalWidth);

test('the visitor sees images the agent and they sent, and downloads a document', async ({
  page,
}) => {
  // Records revoked object URLs, to see the thumbnails' go when the conversation leaves the screen.
  await page.addInitScript(() => {
    const revoked: string[] = [];
    Object.assign(window, { revokedUrls: revoked });
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
  });
  const input = await startChat(page, 'Fernanda Foto');
  await input.fill('1');
  await input.press('Enter');
  await expect(page.getByText('Waiting for an agent…')).toBeVisible();
  await page.locator('[data-atendo-webchat] input[type=file]').setInputFiles({
    name: 'minha foto.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  const own = page.locator('.msg.inbound img[alt="minha foto.png"]');
  await expect.poll(() => naturalWidth(own)).toBe(1);

  const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const { token } = JSON.parse(stored ?? '{}') as { token: string };
  const transcript = await fetch(`${server.url}/webchat/sessions/transcript`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { conversationId } = (await transcript.json()) as { conversationId: string };
  await agentSendsFiles(conversationId, [
    { name: 'produto.png', type: 'image/png', bytes: PNG },
    { name: 'proposta nº 42.pdf', type: 'application/pdf', bytes: PDF },
  ]);

  const thumbnail = page.getByRole('button', { name: 'Download produto.png' });
  await expect.poll(() => naturalWidth(thumbnail.locator('img'))).toBe(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download proposta nº 42.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('proposta nº 42.pdf');
  expect(fs.readFileSync(await download.path())).toEqual(PDF);

  // A failed fetch is a short line, not a crash: the widget keeps working.
  await page.route('**/webchat/sessions/attachments/**', (route) => route.fulfill({ status: 500 }));
  await page.getByRole('button', { name: 'Download proposta nº 42.pdf' }).click();
  await expect(page.getByText('Could not open the file. Please try again.')).toBeVisible();
  await page.unroute('**/webchat/sessions/attachments/**');

  // The session ends (expired token): the bubbles go, and with them the thumbnails' URLs.
  const urls = await page
    .locator('.msg img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
  expect(urls).toHaveLength(2);
  server.advanceClock(30 * DAY);
  await input.fill('ainda aí?');
  await input.press('Enter');
  await expect(page.getByText('Your chat session has expired.', { exact: false })).toBeVisible();
  const revoked = await page.evaluate(
    () => (window as unknown as { revokedUrls: string[] }).revokedUrls,
  );
  expect(revoked).toEqual(expect.arrayContaining(urls));
});
