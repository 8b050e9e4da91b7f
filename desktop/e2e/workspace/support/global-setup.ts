import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Builds the renderer, then starts the real server (see serve.ts) and hands its URL to the tests. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // A build of its own: other tools (packaging, a dev build) may rewrite desktop/dist/renderer
  // while the tests run.
  const rendererDir = path.join(repoRoot, 'desktop/dist/e2e-renderer');
  if (process.env.ATENDO_E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(
      'npx',
      [
        'vite',
        'build',
        '-c',
        'desktop/vite.renderer.config.ts',
        '--mode',
        'production',
        '--outDir',
        rendererDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('The renderer build failed.');
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'desktop/e2e/workspace/support/serve.ts'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ATENDO_E2E_RENDERER_DIR: rendererDir },
      detached: false,
    },
  );
  const url = await readUrl(child);
  process.env.ATENDO_E2E_URL = url;
  return async () => {
    await stop(child);
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      reject(new Error('The server did not start within 60 s.'));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      const parsed: unknown = JSON.parse(line);
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'url' in parsed &&
        typeof parsed.url === 'string'
      )
        resolve(parsed.url);
      else reject(new Error(`Unexpected server output: ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited early with code ${String(code)}.`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}
