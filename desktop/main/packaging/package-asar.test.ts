/**
 * SLOW-ISH PACKAGING TEST (~20–60 s): bundles main, preload and renderer with Vite, packages
 * the app unpacked (`--dir`, linux x64) through electron-builder's API with a stand-in Electron
 * directory (no download), and inspects the produced app.asar. It then packages the Windows app
 * twice (signed and unsigned configuration), with a small real Windows executable standing in for
 * electron.exe, and stops right after packing, before the NSIS step (its tools cannot be
 * downloaded here): what matters is the app-update.yml the installed app will read.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as viteBuild } from 'vite';
import { publisherNamesFromAppUpdateYml } from '../update/update-signature';
import { DESKTOP_DIR, REPO_ROOT, loadBuilderConfig } from './builder-config';
import { withSigning, type BuildEnv } from './signing';

const require = createRequire(import.meta.url);
type Asar = { listPackage: (archive: string, options: { isPack: boolean }) => string[] };
type Builder = {
  build: (options: Record<string, unknown>) => Promise<string[]>;
  Platform: Record<
    'LINUX' | 'WINDOWS',
    { createTarget: (type: string, ...a: number[]) => unknown }
  >;
  Arch: { x64: number };
};

const work = mkdtempSync(join(tmpdir(), 'atendo-pack-'));
let files: string[] = [];
let appUpdateYml = '';
let mainBundle = '';
const windowsAppUpdateYml: Record<'signed' | 'unsigned', string | null> = {
  signed: null,
  unsigned: null,
};
const PUBLISHER = 'CN=Atendo Tecnologia Ltda, O=Atendo Tecnologia Ltda, L=São Paulo, C=BR';
const UPDATE_URL = 'https://updates.test.invalid/atendo/desktop';
const savedUpdateUrl = process.env.ATENDO_UPDATE_URL;

async function bundle(): Promise<void> {
  const quiet = { logLevel: 'error' as const };
  const shell = join(DESKTOP_DIR, 'vite.shell.config.ts');
  await viteBuild({ configFile: shell, mode: 'main', ...quiet });
  await viteBuild({ configFile: shell, mode: 'preload', ...quiet });
  // ATENDO_PACK_REUSE_RENDERER=1 packages an existing dist/renderer instead of rebuilding it,
  // for when only the shell changed.
  if (process.env.ATENDO_PACK_REUSE_RENDERER === '1') return;
  await viteBuild({ configFile: join(DESKTOP_DIR, 'vite.renderer.config.ts'), ...quiet });
}

/** The layout electron-builder expects of an unpacked linux Electron, with an empty binary. */
function standInElectron(): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '');
  chmodSync(join(dist, 'electron'), 0o755);
  return dist;
}

const STOP = 'stop after pack';

/**
 * Packs the Windows app with the signing `env` asks for, stopping in afterPack (after
 * electron-builder wrote resources/app-update.yml, before NSIS), and returns that file.
 */
async function packWindows(builder: Builder, env: BuildEnv, name: string): Promise<string> {
  const dist = join(work, `electron-win-${name}`);
  mkdirSync(join(dist, 'resources'), { recursive: true });
  // Any real PE file will do: electron-builder edits its resources to embed the asar hash.
  const vendor = join(require.resolve('electron-winstaller/package.json'), '..', 'vendor');
  writeFileSync(join(dist, 'electron.exe'), readFileSync(join(vendor, 'rcedit.exe')));
  const config = withSigning(loadBuilderConfig(), env);
  delete config.electronFuses;
  let captured = '';
  await builder
    .build({
      projectDir: DESKTOP_DIR,
      targets: builder.Platform.WINDOWS.createTarget('nsis', builder.Arch.x64),
      publish: 'never',
      config: {
        ...config,
        // rcedit would need Wine on Linux; signing needs a certificate this test does not have.
        win: { ...(config.win as object), signAndEditExecutable: false },
        electronDist: dist,
        electronVersion: '45.4.1',
        msiProjectCreated: join(REPO_ROOT, 'build', 'msi', 'msi-project-created.cjs'),
        directories: {
          output: join(work, `out-win-${name}`),
          buildResources: join(REPO_ROOT, 'build'),
        },
        afterPack: (context: { appOutDir: string }) => {
          captured = readFileSync(join(context.appOutDir, 'resources', 'app-update.yml'), 'utf8');
          throw new Error(STOP);
        },
      },
    })
    .catch((error: unknown) => {
      if (!String(error).includes(STOP)) throw error;
    });
  return captured;
}

beforeAll(async () => {
  await bundle();
  const { build, Platform, Arch } = require('electron-builder') as Builder;
  const config = loadBuilderConfig();
  // The stand-in binary has no fuse wire to flip; fuses are checked in builder-config.test.ts.
  delete config.electronFuses;
  const output = join(work, 'out');
  // electron-builder expands ${env.ATENDO_UPDATE_URL} in the publish URL and stops without it.
  process.env.ATENDO_UPDATE_URL = UPDATE_URL;
  await build({
    projectDir: DESKTOP_DIR,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist: standInElectron(),
      electronVersion: '45.4.1',
      // Hook paths resolve against the working directory, which is the repo root under vitest.
      msiProjectCreated: join(REPO_ROOT, 'build', 'msi', 'msi-project-created.cjs'),
      directories: { output, buildResources: join(REPO_ROOT, 'build') },
    },
  });
  const asar = require('@electron/asar') as Asar & {
    extractFile: (archive: string, file: string) => Buffer;
  };
  const resources = join(output, 'linux-unpacked', 'resources');
  files = asar.listPackage(join(resources, 'app.asar'), { isPack: false });
  mainBundle = asar.extractFile(join(resources, 'app.asar'), 'dist/main/main.cjs').toString();
  appUpdateYml = readFileSync(join(resources, 'app-update.yml'), 'utf8');
  const builder = require('electron-builder') as Builder;
  windowsAppUpdateYml.signed = await packWindows(
    builder,
    { ATENDO_WIN_PUBLISHER_NAME: PUBLISHER },
    'signed',
  );
  windowsAppUpdateYml.unsigned = await packWindows(builder, {}, 'unsigned');
}, 240_000);

afterAll(() => {
  if (savedUpdateUrl === undefined) delete process.env.ATENDO_UPDATE_URL;
  else process.env.ATENDO_UPDATE_URL = savedUpdateUrl;
  rmSync(work, { recursive: true, force: true });
});

describe('packaged app.asar', () => {
  it('holds the main, preload and renderer bundles', () => {
    const normalised = files.map((f) => f.replaceAll('\\', '/'));
    expect(normalised).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/main/main.cjs',
        '/dist/preload/preload.cjs',
        '/dist/renderer/index.html',
      ]),
    );
  });

  it('tells electron-updater the update server given at build time', () => {
    expect(appUpdateYml).toContain('provider: generic');
    expect(appUpdateYml).toContain(`url: ${UPDATE_URL}`);
  });

  it('bundles electron-updater into main (node_modules are not shipped)', () => {
    expect(mainBundle).toContain('AppImageUpdater');
    expect(mainBundle).not.toMatch(/require\(["']electron-updater["']\)/);
  });

  it('ships no node_modules, source maps or tests', () => {
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(test|spec)\./.test(f))).toEqual([]);
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
  });
});

describe('packaged Windows app: what electron-updater verifies updates against', () => {
  it('carries the publisher names of a signed build in app-update.yml', () => {
    expect(windowsAppUpdateYml.signed).toContain(`url: ${UPDATE_URL}`);
    expect(publisherNamesFromAppUpdateYml(windowsAppUpdateYml.signed)).toEqual([PUBLISHER]);
  });

  it('carries none for a build without a certificate, so that app installs no update', () => {
    expect(windowsAppUpdateYml.unsigned).toContain('provider: generic');
    expect(publisherNamesFromAppUpdateYml(windowsAppUpdateYml.unsigned)).toEqual([]);
  });
});
