import { defineConfig } from '@playwright/test';
import { debianChromium } from './e2e-chromium';

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own download is unreachable here)
 * against the real server on a temporary SQLite database with the demo seed; see
 * desktop/e2e/workspace/support/global-setup.ts.
 */
export default defineConfig({
  testDir: './desktop/e2e',
  testMatch: '**/*.spec.ts',
  // The sync specs start, kill and restart their own servers: they run with their own config
  // (desktop/e2e/sync/playwright.config.ts), as do the organisation built from an empty database
  // (desktop/e2e/organisation) and the web chat widget (server/webchat/e2e).
  testIgnore: ['sync/**', 'organisation/**'],
  outputDir: 'test-results/artifacts',
  globalSetup: './desktop/e2e/workspace/support/global-setup.ts',
  // The specs share one seeded server and walk through its story in order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'pt-BR',
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: debianChromium(),
  },
});
