import type { Browser, BrowserContext } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { WorkspacePage } from '../pages/workspace-page';
import { ACCOUNTS, DEMO_PASSWORD, serverUrl, type AccountName, type SignedIn } from './atendo';

/**
 * `signIn` with a step between creating the agent's context and opening its page, for init
 * scripts, exposed functions and permissions that must be in place before the app loads.
 */
export async function signInPrepared(
  browser: Browser,
  account: AccountName,
  prepare: (context: BrowserContext) => Promise<void>,
): Promise<SignedIn> {
  const context = await browser.newContext();
  await prepare(context);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto(serverUrl());
  await login.signIn(ACCOUNTS[account].email, DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.waitUntilReady();
  return { context, page, workspace };
}
