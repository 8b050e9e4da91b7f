/* global process, URL */
// Where an Electron binary can run, its path; otherwise null. Shared by the start scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const desktopDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * ELECTRON_OVERRIDE_DIST_PATH first. Otherwise electron's index.js, which fetches its binary on
 * first use and throws when it cannot: it runs in a child process, so a failed download stays
 * quiet.
 */
export function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const name =
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron';
    return existsSync(`${override}/${name}`) ? `${override}/${name}` : null;
  }
  const probe = spawnSync(
    process.execPath,
    ['-e', "process.stdout.write(String(require('electron')))"],
    { cwd: desktopDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const path = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : '';
  return path && existsSync(path) ? path : null;
}
