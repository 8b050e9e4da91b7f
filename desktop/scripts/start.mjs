/* global process, URL */
// `npm start -w @atendo/desktop`: runs the Electron app against the Vite dev server when an
// Electron binary can run here; otherwise serves the same workspace in the browser and says so.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { electronBinary } from './electron-binary.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));

const server = await createServer({ configFile: `${here}vite.renderer.config.ts` });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
const binary = electronBinary();

if (!binary) {
  process.stdout.write(
    `Electron cannot run on this machine (no Electron binary; set ELECTRON_OVERRIDE_DIST_PATH ` +
      `to use one). Serving the same workspace in the browser instead: ${url}\n`,
  );
} else {
  for (const mode of ['main', 'preload']) {
    await build({ configFile: `${here}vite.shell.config.ts`, mode, logLevel: 'warn' });
  }
  process.stdout.write(`Starting Electron (${binary}) against ${url}\n`);
  const child = spawn(binary, [here], {
    stdio: 'inherit',
    env: { ...process.env, ATENDO_DEV_SERVER_URL: url.replace(/\/$/, '') },
  });
  child.on('exit', async (code) => {
    await server.close();
    process.exit(code ?? 0);
  });
}
