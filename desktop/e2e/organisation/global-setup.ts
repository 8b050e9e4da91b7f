import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the renderer, then starts the real server as `npm start` would without the demo
 * (ATENDO_SEED_DEMO=false) on an empty temporary data directory. The spec creates the first
 * admin with the CLI against the same directory, as a company would on its first day.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const rendererDir = path.join(repoRoot, 'desktop/dist/e2e-organisation-renderer');
  if (process.env.ATENDO_E2E_SKIP_BUILD !== '1' || !fs.existsSync(rendererDir)) {
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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-org-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ATENDO_SEED_DEMO: 'false',
    ATENDO_HOST: '127.0.0.1',
    ATENDO_PORT: '0',
    ATENDO_DATA_DIR: dataDir,
    ATENDO_WEB_DIR: rendererDir,
    LOG_LEVEL: 'info',
  };
  // SQLite in the temporary directory, whatever the developer's shell points at.
  delete env.ATENDO_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  const { url, log } = await readStart(child);
  process.env.ATENDO_E2E_URL = url;
  process.env.ATENDO_E2E_DATA_DIR = dataDir;
  // What the server said at start on a database without accounts: the spec checks the hint.
  process.env.ATENDO_E2E_START_LOG = log;
  return async () => {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Waits for the "listening" log line (pino JSON) and keeps what was logged up to the hint. */
function readStart(child: ChildProcess): Promise<{ url: string; log: string }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let url: string | null = null;
    const timer = setTimeout(() => {
      reject(new Error(`The server did not start within 90 s:\n${buffer}`));
    }, 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        const parsed = parseLine(line);
        if (parsed === null) continue;
        if (typeof parsed.url === 'string') url = parsed.url;
        // The first-admin hint comes right after "listening" when there is no account.
        if (url !== null && typeof parsed.msg === 'string' && parsed.msg.includes('create-admin')) {
          clearTimeout(timer);
          resolve({ url, log: buffer });
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited early with code ${String(code)}:\n${buffer}`));
    });
  });
}

function parseLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
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
