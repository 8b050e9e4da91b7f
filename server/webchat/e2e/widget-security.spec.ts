import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startWebchatServer, WEBCHAT_KEY } from '../../src/channels/webchat/webchat-test-server';

/*
 * Issue #10, the visitor's side: the token never travels in a URL (the live stream is read
 * with fetch and the Authorization header), a signed token left in localStorage by an older
 * widget brings the form back, and a visitor who writes too fast is told so in their language
 * and keeps the text they typed.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
let customerSite: http.Server;
let customerUrl = '';
const STORAGE_KEY = `atendo-webchat:${WEBCHAT_KEY}`;

test.beforeAll(async () => {
  // Three messages per visitor per 10 s, so the fourth is refused.
  server = await startWebchatServer({ ATENDO_WEBCHAT_MESSAGES_PER_VISITOR_PER_10S: '3' });
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

async function start(page: Page, labels: { name: string; email: string; start: string }) {
  await page.goto(customerUrl);
  await page.locator('[data-atendo-webchat] .launcher').click();
  await page.getByLabel(labels.name).fill('Sofia Segura');
  await page.getByLabel(labels.email).fill('sofia@example.com');
  await page.getByRole('button', { name: labels.start }).click();
}

const EN = { name: 'Name', email: 'E-mail', start: 'Start chat' };

test('the token travels only in the Authorization header, the live stream included', async ({
  page,
}) => {
  const requests: { url: string; authorization: string | null }[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(server.url)) {
      requests.push({ url: request.url(), authorization: request.headers().authorization ?? null });
    }
  });
  await start(page, EN);
  const input = page.getByPlaceholder('Type your message…');
  await input.fill('Oi!');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
  const { token } = JSON.parse(
    (await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? '{}',
  ) as { token: string };
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const stream = requests.find((r) => r.url.endsWith('/webchat/sessions/events'));
  expect(stream?.authorization).toBe(`Bearer ${token}`);
  for (const request of requests) expect(request.url).not.toContain(token);
});

test('a signed token an older widget left in localStorage brings the form back', async ({
  page,
}) => {
  await page.goto(customerUrl);
  const claims = { channelId: 'channel-webchat', visitorId: 'v-old', name: 'Velho', issuedAt: 1 };
  const old = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
  await page.evaluate(
    ([key, token]) => {
      localStorage.setItem(key, JSON.stringify({ token, visitorId: 'v-old' }));
    },
    [STORAGE_KEY, old] as const,
  );
  await page.reload();
  await page.locator('[data-atendo-webchat] .launcher').click();
  await expect(
    page.getByText('Your chat session is no longer valid. Enter your details again.'),
  ).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
  await page.getByLabel('Name').fill('Velho Visitante');
  await page.getByLabel('E-mail').fill('velho@example.com');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const input = page.getByPlaceholder('Type your message…');
  await input.fill('Oi de novo');
  await input.press('Enter');
  await expect(page.getByText('1 - Suporte')).toBeVisible();
});

test('a refused session start says when to try again and keeps the form filled', async ({
  page,
}) => {
  // The server's answer past the per-address limit (webchat-rate-limits.test.ts checks it).
  await page.route('**/webchat/*/sessions', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'access-control-allow-origin': '*', 'retry-after': '42' },
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'rate-limited',
          message: 'too many requests (sessions-per-ip)',
          details: { limit: 'sessions-per-ip', retryAfterSeconds: 42 },
        },
      }),
    }),
  );
  await start(page, EN);
  await expect(
    page.getByText(
      'Too many chats started from this network in a short time. Wait 42 s and try again.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Sofia Segura');
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('writing too fast is refused with a friendly line, and the text stays in the box', async ({
    page,
  }) => {
    await start(page, { name: 'Nome', email: 'E-mail', start: 'Iniciar conversa' });
    const input = page.getByPlaceholder('Digite sua mensagem…');
    for (const text of ['um', 'dois', 'três']) {
      await input.fill(text);
      await input.press('Enter');
      await expect(page.locator('.msg.inbound', { hasText: text })).toBeVisible();
    }
    await input.fill('quatro, rápido demais');
    await input.press('Enter');
    await expect(
      page.getByText(/^Muitas mensagens em pouco tempo\. Aguarde \d+ s e envie de novo/),
    ).toBeVisible();
    await expect(input).toHaveValue('quatro, rápido demais');
    await expect(page.locator('.msg.inbound', { hasText: 'quatro' })).toHaveCount(0);
    await page.screenshot({
      path: 'docs/screenshots/webchat-rate-limited.png',
      clip: { x: 900, y: 150, width: 380, height: 570 },
    });
  });
});
