import { defineConfig } from '@playwright/test';
import { debianChromium } from '../../../e2e-chromium';

/**
 * An organisation built from an empty database (issue 12's "done when"): its own server, started
 * with ATENDO_SEED_DEMO=false on a fresh SQLite file and a random port (global-setup.ts), since
 * the workspace specs share one demo server. Run: npx playwright test -c desktop/e2e/organisation
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../../test-results/organisation-artifacts',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'pt-BR',
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    launchOptions: debianChromium(),
  },
});
