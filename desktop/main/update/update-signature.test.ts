import { describe, expect, it } from 'vitest';
import { decideUpdates } from './update-policy';
import {
  loggedVerifier,
  requireSignature,
  publisherNamesFromAppUpdateYml,
  windowsUpdateSigning,
} from './update-signature';

/** app-update.yml as electron-builder writes it into resources/ (js-yaml dump). */
const SIGNED = [
  'provider: generic',
  'url: https://updates.example.com/atendo/desktop',
  'channel: latest',
  'publisherName:',
  '  - CN=Atendo Tecnologia Ltda, O=Atendo Tecnologia Ltda, L=São Paulo, S=SP, C=BR',
  'updaterCacheDirName: atendo-desktop-updater',
  '',
].join('\n');

describe('publisherNamesFromAppUpdateYml', () => {
  it.each([
    [
      'a signed build',
      SIGNED,
      ['CN=Atendo Tecnologia Ltda, O=Atendo Tecnologia Ltda, L=São Paulo, S=SP, C=BR'],
    ],
    ['a single name', 'provider: generic\npublisherName: Atendo Ltda\n', ['Atendo Ltda']],
    ['an unsigned build', 'provider: generic\nurl: https://u.example\n', []],
    ['no file', null, []],
    ['a broken file', 'publisherName: [unclosed', []],
    ['a number', 'publisherName: 12', []],
    ['an empty name', "publisherName: ''\n", []],
  ] as const)('%s', (_name, text, expected) => {
    expect(publisherNamesFromAppUpdateYml(text)).toEqual(expected);
  });
});

describe('windowsUpdateSigning', () => {
  it.each([
    ['nsis-per-user', ['CN=Atendo'], { ok: true, verifiedBy: 'authenticode' }],
    ['nsis-per-user', [], { ok: false, reason: 'unsigned-build' }],
    ['msi-per-machine', [], { ok: true, verifiedBy: 'not-windows' }],
    ['macos-app', [], { ok: true, verifiedBy: 'not-windows' }],
    ['appimage', [], { ok: true, verifiedBy: 'not-windows' }],
  ] as const)('%s with %j', (install, names, expected) => {
    expect(windowsUpdateSigning(install, names)).toEqual(expected);
  });
});

describe('requireSignature', () => {
  it('keeps an unsigned Windows per-user build from installing updates', () => {
    const decision = decideUpdates({ install: 'nsis-per-user', policyAutoUpdate: undefined });
    expect(decision).toMatchObject({ update: true, mode: 'install' });
    const unsigned = windowsUpdateSigning('nsis-per-user', []);
    expect(requireSignature(decision, unsigned)).toEqual({
      update: false,
      reason: 'unsigned-build',
    });
    const signed = windowsUpdateSigning('nsis-per-user', ['CN=Atendo']);
    expect(requireSignature(decision, signed)).toEqual(decision);
  });

  it('leaves decisions that install nothing alone', () => {
    const checkOnly = decideUpdates({ install: 'msi-per-machine', policyAutoUpdate: true });
    expect(requireSignature(checkOnly, { ok: false, reason: 'unsigned-build' })).toEqual(checkOnly);
    const off = decideUpdates({ install: 'nsis-per-user', policyAutoUpdate: false });
    expect(requireSignature(off, { ok: false, reason: 'unsigned-build' })).toEqual(off);
  });
});

describe('loggedVerifier', () => {
  const lines: string[] = [];
  const write = (_fields: Record<string, unknown>, msg: string) => {
    lines.push(msg);
  };
  const log = { info: write, warn: write };

  it('refuses when there is no publisher to compare with, without asking Windows', async () => {
    let asked = 0;
    const verify = loggedVerifier(() => {
      asked += 1;
      return Promise.resolve(null);
    }, log);
    expect(await verify([], 'C:\\tmp\\Atendo-Setup.exe')).toMatch(/no publisherName/);
    expect(asked).toBe(0);
  });

  it('passes electron-updater’s answer through: null installs, a reason refuses', async () => {
    const signedBy = (who: string) =>
      loggedVerifier(
        (names) => Promise.resolve(names.includes(who) ? null : `signed by ${who}`),
        log,
      );
    expect(await signedBy('CN=Atendo')(['CN=Atendo'], 'x.exe')).toBeNull();
    expect(await signedBy('CN=Evil')(['CN=Atendo'], 'x.exe')).toBe('signed by CN=Evil');
    expect(lines).toContain('update signature verified');
    expect(lines).toContain('update refused: signature mismatch');
  });
});
