/**
 * End-to-end checks of the real Electron app. They run only where an Electron binary exists
 * (ELECTRON_OVERRIDE_DIST_PATH, or electron's downloaded binary); elsewhere the suite is
 * skipped with the reason printed. Build first: `npm run build -w @atendo/desktop`.
 * Run: `npx playwright test desktop/e2e/electron.spec.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { _electron as electron } from 'playwright-core';

const desktopDir = fileURLToPath(new URL('..', import.meta.url));

function electronBinary(): string | null {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (dist) {
    const file = join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(file) ? file : null;
  }
  // electron's index.js fetches its binary on first use and throws when it cannot; probing in a
  // child process keeps a failed download's output out of the test report.
  const probe = spawnSync(
    process.execPath,
    ['-e', "process.stdout.write(String(require('electron')))"],
    { cwd: desktopDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const path = probe.status === 0 ? (probe.stdout.trim().split('\n').pop() ?? '') : '';
  return path !== '' && existsSync(path) ? path : null;
}

const binary = electronBinary();
if (!binary) {
  process.stdout.write(
    'Skipping Electron e2e: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH).\n',
  );
}

test.describe('Atendo desktop shell', () => {
  test.skip(!binary, 'no Electron binary on this machine');

  const launch = (userData = mkdtempSync(join(tmpdir(), 'atendo-e2e-'))) =>
    electron.launch({
      executablePath: binary ?? undefined,
      args: [desktopDir, `--user-data-dir=${userData}`],
    });

  test('opens the workspace sandboxed with the bridge exposed', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Atendo/);
    expect(await page.evaluate(() => typeof (window as { atendo?: unknown }).atendo)).toBe(
      'object',
    );
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    await app.close();
  });

  test('refuses an invalid IPC request', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const error = await page.evaluate(async () => {
      const bridge = (
        window as unknown as { atendo: { invoke: (c: string, r: unknown) => Promise<unknown> } }
      ).atendo;
      try {
        await bridge.invoke('badge:set', { queued: -1, unread: 'x' });
        return null;
      } catch (e) {
        return String(e);
      }
    });
    expect(error).toContain('invalid-input');
    await app.close();
  });

  test('does not navigate away from the app', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await app.close();
  });

  test('keeps the session in main, encrypted, and never in localStorage', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'atendo-e2e-'));
    const app = await launch(userData);
    const page = await app.firstWindow();
    const session = {
      serverUrl: 'https://atendo.example.com',
      token: 'electron-e2e-token-7f3a',
      agent: {
        id: 'agent-ana',
        name: 'Ana',
        email: 'ana@example.com',
        role: 'agent',
        teamIds: [],
        permissions: [],
      },
    };
    const answer = await page.evaluate(async (value) => {
      const bridge = (
        window as unknown as { atendo: { invoke: (c: string, r?: unknown) => Promise<unknown> } }
      ).atendo;
      const saved = await bridge.invoke('session:save', value);
      const loaded = await bridge.invoke('session:load');
      return { saved, loaded, local: localStorage.getItem('atendo.session') };
    }, session);
    expect(answer.local).toBeNull();
    expect(answer.loaded).toMatchObject({ session: { token: session.token } });
    const protection = (answer.saved as { protection: string }).protection;
    if (protection !== 'memory') {
      expect(readFileSync(join(userData, 'session.json'), 'utf8')).not.toContain(session.token);
    }
    await app.close();
  });

  test('refuses a session that does not fit the contract', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const error = await page.evaluate(async () => {
      const bridge = (
        window as unknown as { atendo: { invoke: (c: string, r: unknown) => Promise<unknown> } }
      ).atendo;
      try {
        await bridge.invoke('session:save', { serverUrl: 'file:///etc/passwd', token: 'x' });
        return null;
      } catch (e) {
        return String(e);
      }
    });
    expect(error).toContain('invalid-input');
    await app.close();
  });
});
