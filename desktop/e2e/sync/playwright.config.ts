import { defineConfig } from '@playwright/test';
import { debianChromium } from '../../../e2e-chromium';

/**
 * The local-first sync in real Chromium: the real store (RxDB on IndexedDB) in a small harness
 * page against the real server run as a child process per test. Separate from the workspace
 * e2e config because every test starts, kills and restarts its own server.
 * Run: npx playwright test -c desktop/e2e/sync/playwright.config.ts
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../../test-results/sync-artifacts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    // The harness is served by route interception (so it loads while the server is down),
    // which leaves it without an IP address; Chromium's Local Network Access checks would then
    // block its websocket to 127.0.0.1. Electron loads the app from disk, where they do not apply.
    launchOptions: debianChromium(['--disable-features=LocalNetworkAccessChecks']),
  },
});
