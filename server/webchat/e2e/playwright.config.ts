import { defineConfig } from '@playwright/test';
import { debianChromium } from '../../../e2e-chromium';

/**
 * The web chat widget in Debian's Chromium against the real server, which each spec starts on
 * 127.0.0.1:0 with a temporary database. Run: `npx playwright test -c server/webchat/e2e`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../../test-results/webchat',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    launchOptions: debianChromium(),
  },
});
