import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, as every browser suite launches it: Playwright's own browser download is
 * unreachable on our machines, and without the background-networking flags Chromium's calls
 * to Google's hosts are refused by the closed network, many at a time.
 */
export const debianChromium = (extraArgs: readonly string[] = []): LaunchOptions => ({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extraArgs,
  ],
});
