import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { WorkspacePage } from '../pages/workspace-page';

export const DEMO_PASSWORD = 'atendo-demo';

export const ACCOUNTS = {
  ana: { email: 'ana@atendo.demo', name: 'Ana Souza' },
  bruno: { email: 'bruno@atendo.demo', name: 'Bruno Lima' },
  carla: { email: 'carla@atendo.demo', name: 'Carla Mendes' },
  admin: { email: 'admin@atendo.demo', name: 'Administrador Atendo' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export const CHANNELS = {
  whatsapp: 'channel-whatsapp',
  webchat: 'channel-webchat',
  receptivo: 'channel-receptivo',
} as const;

export function serverUrl(): string {
  const url = process.env.ATENDO_E2E_URL;
  if (url === undefined)
    throw new Error('ATENDO_E2E_URL is not set: run through playwright.config.ts');
  return url;
}

export type SignedIn = { context: BrowserContext; page: Page; workspace: WorkspacePage };

/**
 * A separate browser context per agent: their own storage, IndexedDB and websocket. `prepare`
 * runs between creating the context and opening its page, for init scripts, exposed functions
 * and permissions that must be in place before the app loads.
 */
export async function signIn(
  browser: Browser,
  account: AccountName,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<SignedIn> {
  const context = await browser.newContext();
  await prepare?.(context);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await login.signIn(ACCOUNTS[account].email, DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.waitUntilReady();
  return { context, page, workspace };
}

let unique = 0;

export type WritingContact = { name: string; address: string; conversationId: string };

/**
 * A contact writes on a channel, as its adapter would report it. Without `from` a new contact
 * (a fresh address and name) writes; with it, the same contact writes again.
 */
export async function contactWrites(
  channelId: string,
  text: string,
  from: { name?: string; address?: string } = {},
): Promise<WritingContact> {
  unique += 1;
  const stamp = `${Date.now() % 100_000}${unique}`.padStart(8, '0').slice(-8);
  const name = from.name ?? `Cliente ${stamp}`;
  const address = from.address ?? `55119${stamp}`;
  const response = await fetch(`${serverUrl()}/__e2e/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelId, address, profileName: name, text }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  const body = (await response.json()) as { conversationId: string };
  return { name, address, conversationId: body.conversationId };
}

/** Screenshots of the main screens, kept with the test artifacts. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
