import { expect, test, type Page } from '@playwright/test';
import { SignOutDialog } from './pages/sign-out-dialog';
import { CHANNELS, contactWrites, saveScreenshot, serverUrl, signIn } from './support/atendo';
import { installDesktopStandIn, type DesktopStandIn } from './support/desktop-stand-in';

/**
 * "Sair" revokes the session on the server before the token is forgotten here, and offers to
 * erase this computer's local store (the RxDB databases in IndexedDB, with drafts and the
 * outbox), as the machine policy says; the browser build offers it ticked.
 */

/** What auth.me answers the server for a bearer token: 200 while the session lives. */
async function authMeStatus(token: string): Promise<number> {
  const response = await fetch(`${serverUrl()}/trpc/auth.me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

/** The token the browser build keeps in localStorage. */
async function browserToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('atendo.session'));
  const token = (JSON.parse(raw ?? '{}') as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error('no session in localStorage');
  return token;
}

/** The local store's IndexedDB databases (RxDB on Dexie names them rxdb-dexie-atendo-…). */
const localStores = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).flatMap((db) =>
      db.name?.startsWith('rxdb-dexie-atendo-') === true ? [db.name] : [],
    ),
  );

test('after Sair the old token is refused by auth.me', async ({ browser }) => {
  const ana = await signIn(browser, 'ana');
  const token = await browserToken(ana.page);
  expect(await authMeStatus(token)).toBe(200);

  const signOut = new SignOutDialog(ana.page);
  await signOut.open();
  await signOut.erase.uncheck();
  await signOut.confirmAndWait();
  await expect(signOut.notice).toHaveText('Você saiu do Atendo.');
  expect(await authMeStatus(token)).toBe(401);
  expect(await ana.page.evaluate(() => localStorage.getItem('atendo.session'))).toBeNull();
  // Kept: the next sign-in on this computer opens from local data.
  expect(await localStores(ana.page)).not.toEqual([]);
  await ana.context.close();
});

test('the browser build offers erasing ticked, and erasing removes the local store', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  await expect.poll(() => localStores(ana.page)).not.toEqual([]);
  const signOut = new SignOutDialog(ana.page);
  await signOut.open();
  await expect(signOut.erase).toBeChecked();
  await expect(signOut.erase).toBeEnabled();
  await expect(signOut.confirm).toHaveText('Apagar e sair');
  await saveScreenshot(ana.page, 'sign-out-dialog');

  await signOut.confirmAndWait();
  await expect(signOut.notice).toHaveText(
    'Você saiu do Atendo e os dados deste computador foram apagados.',
  );
  expect(await localStores(ana.page)).toEqual([]);
  await saveScreenshot(ana.page, 'signed-out');
  await ana.context.close();
});

test('offline: unsent items are named, the agent is signed out here and told the server session stays', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const token = await browserToken(ana.page);
  const contact = await contactWrites(CHANNELS.receptivo, 'Alguém aí?', { name: 'Lia Sem Rede' });
  const view = ana.workspace.conversation;
  await ana.workspace.take(contact.name);
  await expect(view.state).toHaveText('Em atendimento');

  await ana.context.setOffline(true);
  await expect(ana.workspace.offlineBanner).toBeVisible();
  await view.send('Escrita sem conexão, antes de sair.');
  await expect(view.outbox('antes de sair')).toHaveAttribute('data-state', 'pending');

  const signOut = new SignOutDialog(ana.page);
  await signOut.open();
  await expect(signOut.dialog).toContainText('1 item ainda não foi enviado ao servidor');
  await expect(signOut.dialog).toContainText('elas serão perdidas');
  await saveScreenshot(ana.page, 'sign-out-unsent');
  await signOut.erase.uncheck();
  await expect(signOut.dialog).toContainText('Elas serão enviadas quando você entrar de novo');
  await signOut.confirmAndWait();
  await expect(signOut.notice).toContainText(
    'não foi possível encerrar a sessão no servidor (sem conexão ou recusada). Ela deixa de valer sozinha em',
  );
  await saveScreenshot(ana.page, 'signed-out-offline');
  // The server never heard of the sign-out: the session lives until it expires.
  expect(await authMeStatus(token)).toBe(200);
  expect(await localStores(ana.page)).not.toEqual([]);

  // Back online, the same agent signs in again and the kept message goes out.
  await ana.context.setOffline(false);
  await fetch(`${serverUrl()}/trpc/auth.logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(await authMeStatus(token)).toBe(401);
  await ana.context.close();
});

test.describe('desktop shell', () => {
  let main: DesktopStandIn;

  test('the token is kept by main, not in localStorage, and an old localStorage token moves there', async ({
    browser,
  }) => {
    const login = await fetch(`${serverUrl()}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@atendo.demo', password: 'atendo-demo' }),
    });
    const { result } = (await login.json()) as {
      result: { data: { token: string; agent: Record<string, unknown> } };
    };
    const context = await browser.newContext();
    main = await installDesktopStandIn(context);
    // What an earlier desktop version left in the renderer's localStorage.
    await context.addInitScript(
      ([url, token, agent]) => {
        if (sessionStorage.getItem('seeded') !== null) return;
        sessionStorage.setItem('seeded', '1');
        const session = { serverUrl: url, token, presence: 'available', agent };
        localStorage.setItem('atendo.session', JSON.stringify(session));
      },
      [serverUrl(), result.data.token, result.data.agent] as const,
    );
    const page = await context.newPage();
    await page.goto(serverUrl());
    await expect(page.getByRole('region', { name: 'Lista de atendimentos' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('atendo.session'))).toBeNull();
    expect(main.storedSession()?.token).toBe(result.data.token);

    await page.reload();
    await expect(page.getByRole('region', { name: 'Lista de atendimentos' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('atendo.session'))).toBeNull();
    await context.close();
  });

  test('a shared machine (policy always) erases on every sign-out, without a choice', async ({
    browser,
  }) => {
    const ana = await signIn(browser, 'ana', async (context) => {
      main = await installDesktopStandIn(context, {
        settings: { clearLocalDataOnSignOut: 'always' },
        locked: ['clearLocalDataOnSignOut'],
      });
    });
    const token = main.storedSession()?.token ?? '';
    expect(await ana.page.evaluate(() => localStorage.getItem('atendo.session'))).toBeNull();
    await expect.poll(() => localStores(ana.page)).not.toEqual([]);

    const signOut = new SignOutDialog(ana.page);
    await signOut.open();
    await expect(signOut.erase).toBeChecked();
    await expect(signOut.erase).toBeDisabled();
    await expect(signOut.dialog).toContainText(
      'Definido pela política da sua empresa: os dados deste computador são sempre apagados ao sair.',
    );
    await saveScreenshot(ana.page, 'sign-out-dialog-policy');
    await signOut.confirmAndWait();
    expect(main.storedSession()).toBeNull();
    expect(await localStores(ana.page)).toEqual([]);
    expect(await authMeStatus(token)).toBe(401);
    await ana.context.close();
  });

  test('without a policy the desktop offers erasing unticked', async ({ browser }) => {
    const ana = await signIn(browser, 'ana', async (context) => {
      main = await installDesktopStandIn(context);
    });
    const signOut = new SignOutDialog(ana.page);
    await signOut.open();
    await expect(signOut.erase).not.toBeChecked();
    await expect(signOut.erase).toBeEnabled();
    await signOut.confirmAndWait();
    expect(await localStores(ana.page)).not.toEqual([]);
    await ana.context.close();
  });
});
