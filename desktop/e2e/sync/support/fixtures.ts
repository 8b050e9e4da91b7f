import { test as base, expect, type Page } from '@playwright/test';
import type { StartOptions } from '../harness/harness-api';
import { buildHarness } from './build-harness';
import { call, openHarness, serveHarness } from './harness-page';
import { ServerProcess } from './server-process';

export const ANA = 'ana@atendo.demo';

type Fixtures = {
  server: ServerProcess;
  /** A page with the harness loaded on the server's origin (store not started yet). */
  harness: Page;
};

/**
 * Each test gets its own freshly seeded server process and browser context (its own
 * IndexedDB); the harness bundle is built once per worker.
 */
export const test = base.extend<Fixtures, { harnessBuilt: string }>({
  harnessBuilt: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring.
    async ({}, use) => {
      await use(await buildHarness());
    },
    { scope: 'worker', auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring.
  server: async ({}, use) => {
    const server = await ServerProcess.start();
    await use(server);
    await server.stop();
  },
  harness: async ({ page, server }, use) => {
    await serveHarness(page.context(), server.origin);
    await openHarness(page, server.origin);
    await use(page);
    await call(page, 'close').catch(() => undefined);
  },
});

export { expect };

/** Starts Ana's store in the page and waits until it has caught up once. */
export async function startAs(
  page: Page,
  server: ServerProcess,
  email = ANA,
  name = 'atendo-e2e-ana',
): Promise<StartOptions> {
  const options = { name, token: await server.token(email) };
  await call(page, 'start', options);
  await call(page, 'awaitInitialSync');
  return options;
}

/** Polls a page query until it satisfies `check`; never a fixed sleep. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        last = await read();
        return check(last);
      },
      { timeout, intervals: [50, 100, 200] },
    )
    .toBe(true);
  return last as T;
}
