import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD, saveScreenshot, serverUrl } from './support/atendo';

/** One tRPC mutation over plain HTTP, as any client would send it. */
async function mutate(path: string, input: object, token?: string): Promise<unknown> {
  const response = await fetch(`${serverUrl()}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

test('an invited agent signs in with the temporary password and chooses their own', async ({
  page,
}) => {
  const { token } = (await mutate('auth.login', {
    email: 'admin@atendo.demo',
    password: DEMO_PASSWORD,
  })) as { token: string };
  const email = `nova.${String(Date.now())}@atendo.demo`;
  const { temporaryPassword } = (await mutate(
    'admin.agents.invite',
    {
      email,
      name: 'Nova Agente',
      role: 'agent',
      teamIds: ['team-suporte'],
      capacity: 3,
      permissions: [],
    },
    token,
  )) as { temporaryPassword: string };

  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await login.signIn(email, temporaryPassword);
  await expect(
    page.getByRole('status').filter({ hasText: 'Sua senha atual é provisória' }),
  ).toBeVisible();
  await page.getByLabel('Nova senha', { exact: true }).fill('nova12');
  await page.getByLabel('Confirme a nova senha').fill('nova12');
  await page.getByRole('button', { name: 'Definir senha e entrar' }).click();
  await expect(page.getByText('Use pelo menos 10 caracteres')).toBeVisible();
  await saveScreenshot(page, 'login-new-password');

  await page.getByLabel('Nova senha', { exact: true }).fill('1234567890');
  await page.getByLabel('Confirme a nova senha').fill('1234567890');
  await page.getByRole('button', { name: 'Definir senha e entrar' }).click();
  await expect(page.getByRole('alert')).toContainText('Esta senha está entre as mais usadas');

  await page.getByLabel('Nova senha', { exact: true }).fill('Maré-alta-2026');
  await page.getByLabel('Confirme a nova senha').fill('Maré-alta-2026');
  await page.getByRole('button', { name: 'Definir senha e entrar' }).click();
  await new WorkspacePage(page).waitUntilReady();
  await expect(page.getByRole('button', { name: 'Conta de Nova Agente' })).toBeVisible();
});
