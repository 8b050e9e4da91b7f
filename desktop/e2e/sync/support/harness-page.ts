import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { HarnessApi, HarnessWindow } from '../harness/harness-api';
import { HARNESS_OUT_DIR } from '../harness/vite.config';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/**
 * Serves the built harness on the server's own origin (so tRPC calls are same-origin) from the
 * test process, as Electron loads the app from disk: the page loads and reloads even while the
 * server is down or the browser is offline.
 */
export async function serveHarness(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/harness/**`, async (route) => {
    const file = path.join(HARNESS_OUT_DIR, new URL(route.request().url()).pathname.slice(9));
    if (!fs.existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: fs.readFileSync(file),
    });
  });
}

export async function openHarness(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/harness/index.html`);
  await page.waitForFunction(() => 'harness' in window);
}

/**
 * An app restart: the page loads again from scratch. A fresh navigation rather than
 * `page.reload()`, which Chromium may abort while the page still has requests in flight.
 */
export async function reopen(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/harness/index.html?restart=${String(Date.now())}`);
  await page.waitForFunction(() => 'harness' in window);
}

type Api = HarnessApi;
type Method = {
  [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Api];

/** Calls `window.harness[method](...args)` in the page and returns its (serialisable) result. */
export function call<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<Api[M]>
): Promise<Awaited<ReturnType<Api[M]>>> {
  return page.evaluate(
    ([name, list]) => {
      const { harness } = window as unknown as HarnessWindow;
      const fn = harness[name] as (...a: unknown[]) => unknown;
      return fn(...list);
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Api[M]>>>;
}
