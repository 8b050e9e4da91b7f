import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { HARNESS_OUT_DIR } from '../harness/vite.config';

const configFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../harness/vite.config.ts',
);

/** Bundles the harness page (a production build of the real store) into HARNESS_OUT_DIR. */
export async function buildHarness(): Promise<string> {
  await build({ configFile, mode: 'production' });
  if (!fs.existsSync(path.join(HARNESS_OUT_DIR, 'index.html')))
    throw new Error(`The harness build left no index.html in ${HARNESS_OUT_DIR}.`);
  return HARNESS_OUT_DIR;
}
