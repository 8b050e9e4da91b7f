import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { ACCOUNTS, DEMO_PASSWORD, saveScreenshot, serverUrl } from './support/atendo';

test('the login screen is prefilled with the server it is served from', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await expect(login.serverUrl).toHaveValue(serverUrl());
  await saveScreenshot(page, 'login');
});

test('wrong credentials are explained, right ones open the workspace', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await login.signIn(ACCOUNTS.ana.email, 'not-the-password');
  await expect(login.error).toContainText('E-mail ou senha incorretos.');

  await page.getByLabel('Senha', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  const workspace = new WorkspacePage(page);
  await workspace.waitUntilReady();
  await expect(page.getByRole('button', { name: `Conta de ${ACCOUNTS.ana.name}` })).toBeVisible();

  // The session survives a reload (token in localStorage in the browser build).
  await page.reload();
  await workspace.waitUntilReady();
});

test('too many wrong passwords lock the sign-in and say for how long', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  // An e-mail no agent has: the lock is per e-mail, so no later spec's account is locked.
  const email = 'ninguem@atendo.demo';
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((response) => response.url().includes('auth.login'));
    await login.signIn(email, password);
    return (await answered).status();
  };
  for (let i = 0; i < 5; i++) {
    expect(await attempt(`chute-${String(i)}`)).toBe(401);
    await expect(login.error).toContainText('E-mail ou senha incorretos.');
  }
  expect(await attempt('chute-5')).toBe(429);
  await expect(login.error).toContainText('Muitas tentativas. Tente novamente em 15 minutos.');
  await page.screenshot({ path: 'docs/screenshots/login-rate-limited.png' });
});

test('a stored session the server no longer knows goes back to the login screen', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await page.evaluate((url) => {
    const agent = {
      id: 'agent-ana',
      name: 'Ana Souza',
      email: 'ana@atendo.demo',
      role: 'agent',
      teamIds: ['team-suporte'],
      permissions: [],
    };
    localStorage.setItem(
      'atendo.session',
      JSON.stringify({ serverUrl: url, token: 'expired-token', presence: 'available', agent }),
    );
  }, serverUrl());
  await page.reload();
  await expect(page.getByRole('form', { name: 'Entrar no Atendo' })).toBeVisible();
});

test('a session ended elsewhere closes the live stream and goes back to the login screen', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await login.signIn(ACCOUNTS.bruno.email, DEMO_PASSWORD);
  await new WorkspacePage(page).waitUntilReady();
  const token = await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('atendo.session') ?? '{}') as { token?: string };
    return stored.token ?? '';
  });
  // Signed out from another tab or computer holding the same token (or revoked by an admin):
  // the server closes this page's stream with 4401, which signs the agent out here at once.
  const answer = await page.request.post(`${serverUrl()}/trpc/auth.logout`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: {},
  });
  expect(answer.status()).toBe(200);
  await expect(page.getByRole('form', { name: 'Entrar no Atendo' })).toBeVisible();
  // The agent is told why, rather than finding the login screen without a word.
  await expect(page.getByTestId('signed-out-notice')).toHaveText(
    'Sua sessão foi encerrada em outra janela ou computador. Entre novamente.',
  );
});

test('the workspace speaks English when the agent picks it', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('form', { name: 'Sign in to Atendo' })).toBeVisible();
  await expect(page.getByLabel('Server address')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
