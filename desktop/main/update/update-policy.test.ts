import { describe, expect, it } from 'vitest';
import {
  decideUpdates,
  detectInstallKind,
  UPDATE_CHECK_INTERVAL_MS,
  type InstallKind,
  type InstallProbe,
  type UpdateDecision,
} from './update-policy';

const NSIS_DIR = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Atendo';
const MSI_DIR = 'C:\\Program Files\\Atendo';

function probe(overrides: Partial<InstallProbe>): InstallProbe {
  const files = new Set([`${NSIS_DIR}\\Uninstall Atendo.exe`]);
  return {
    platform: 'win32',
    isPackaged: true,
    execPath: `${MSI_DIR}\\Atendo.exe`,
    env: {},
    productName: 'Atendo',
    exists: (path) => files.has(path),
    ...overrides,
  };
}

describe('detectInstallKind', () => {
  it.each<[string, Partial<InstallProbe>, InstallKind]>([
    ['running from source', { isPackaged: false }, 'dev'],
    ['the per-machine MSI', {}, 'msi-per-machine'],
    ['the per-user NSIS setup', { execPath: `${NSIS_DIR}\\Atendo.exe` }, 'nsis-per-user'],
    [
      'a portable build',
      { execPath: `${NSIS_DIR}\\Atendo.exe`, env: { PORTABLE_EXECUTABLE_DIR: 'D:\\' } },
      'windows-portable',
    ],
    [
      'an AppImage',
      {
        platform: 'linux',
        execPath: '/tmp/.mount_x/atendo',
        env: { APPIMAGE: '/home/a/Atendo.AppImage' },
      },
      'appimage',
    ],
    ['the deb', { platform: 'linux', execPath: '/opt/Atendo/atendo' }, 'deb'],
    [
      'macOS',
      { platform: 'darwin', execPath: '/Applications/Atendo.app/Contents/MacOS/Atendo' },
      'macos-app',
    ],
    ['another OS', { platform: 'freebsd' }, 'unknown'],
  ])('%s', (_name, overrides, kind) => {
    expect(detectInstallKind(probe(overrides))).toBe(kind);
  });
});

const installs: UpdateDecision = {
  update: true,
  mode: 'install',
  intervalMs: UPDATE_CHECK_INTERVAL_MS,
};
const checks: UpdateDecision = {
  update: true,
  mode: 'check-only',
  intervalMs: UPDATE_CHECK_INTERVAL_MS,
};
const skip = (reason: string) => ({ update: false, reason });

describe('decideUpdates', () => {
  it.each<[InstallKind, boolean | undefined, UpdateDecision | ReturnType<typeof skip>]>([
    ['dev', undefined, skip('dev-build')],
    ['dev', true, skip('dev-build')],
    // MSI: IT ships updates; DISABLE_AUTO_UPDATES=1 writes AutoUpdate=false.
    ['msi-per-machine', undefined, skip('managed-install')],
    ['msi-per-machine', false, skip('disabled-by-policy')],
    ['msi-per-machine', true, checks],
    ['nsis-per-user', undefined, installs],
    ['nsis-per-user', true, installs],
    ['nsis-per-user', false, skip('disabled-by-policy')],
    ['appimage', undefined, installs],
    ['appimage', false, skip('disabled-by-policy')],
    ['macos-app', undefined, installs],
    ['macos-app', false, skip('disabled-by-policy')],
    ['deb', undefined, skip('package-manager')],
    ['deb', true, skip('package-manager')],
    ['windows-portable', undefined, skip('unsupported-install')],
    ['unknown', true, skip('unsupported-install')],
  ])('%s with policy AutoUpdate=%s', (install, policyAutoUpdate, expected) => {
    expect(decideUpdates({ install, policyAutoUpdate })).toEqual(expected);
  });
});
