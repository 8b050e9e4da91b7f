import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where the harness bundle goes; the specs and the benchmark serve it from there. */
export const HARNESS_OUT_DIR = path.join(os.tmpdir(), 'atendo-sync-harness');

// A production build: the store runs as it does in the packaged app, without dev-mode checks.
export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: HARNESS_OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // HARNESS_MINIFY=0 keeps function names readable in CPU profiles.
    minify: process.env.HARNESS_MINIFY !== '0',
  },
});
