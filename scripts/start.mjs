/* global process, URL, fetch, setTimeout */
// `npm start`: builds the agent workspace, starts the Atendo server (embedded SQLite, demo
// organisation on a fresh data directory) serving that workspace, and opens the Electron app
// where an Electron binary can run. Where it cannot (no binary can be downloaded on some
// machines), the same workspace stays available in the browser, and we say so.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../desktop/scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line) => process.stdout.write(`[atendo] ${line}\n`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

async function answers(url) {
  try {
    await fetch(`${url}/health`);
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(url, child) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) process.exit(child.exitCode);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer on ${url}/health`);
}

log('building the agent workspace…');
run('npx', ['vite', 'build', '-c', 'desktop/vite.renderer.config.ts', '--logLevel', 'warn']);

const host = process.env.ATENDO_HOST ?? '127.0.0.1';
const port = process.env.ATENDO_PORT ?? '4310';
const url = `http://${host}:${port}`;
if (await answers(url)) {
  log(
    `${url} is already in use (another Atendo running?). Stop it, or choose another port with ATENDO_PORT.`,
  );
  process.exit(1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ATENDO_WEB_DIR: process.env.ATENDO_WEB_DIR ?? `${root}desktop/dist/renderer`,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
await waitForHealth(url, server);

// Without the demo the accounts are the company's own (npm run admin -- create-admin).
const withoutDemo = ['false', '0', 'no'].includes(process.env.ATENDO_SEED_DEMO ?? '');
const signInHint = withoutDemo ? 'with your account' : 'with a demo account above';
log('looking for Electron (its binary is fetched on first use)…');
const binary = electronBinary();
if (binary === null) {
  log(
    `Electron cannot run on this machine (no Electron binary; set ELECTRON_OVERRIDE_DIST_PATH to use one).`,
  );
  log(
    `The same workspace is served in the browser instead: open ${url}/ and sign in ${signInHint}.`,
  );
} else {
  run('npm', ['run', 'build:shell', '-w', '@atendo/desktop']);
  log(`starting Electron (${binary}) against ${url}`);
  const app = spawn(binary, [`${root}desktop`], {
    stdio: 'inherit',
    env: { ...process.env, ATENDO_DEV_SERVER_URL: url },
  });
  app.on('exit', () => server.kill('SIGTERM'));
}
