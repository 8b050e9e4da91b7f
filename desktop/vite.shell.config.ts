import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Bundles the Electron main process (`--mode main`) or the preload (`--mode preload`) into one
// self-contained CommonJS file each, so the packaged app ships no node_modules. They are built
// separately because a sandboxed preload cannot require a chunk shared with main.
const here = fileURLToPath(new URL('.', import.meta.url));
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const entries = {
  main: `${here}main/electron/main.ts`,
  preload: `${here}preload/preload.ts`,
} as const;

export default defineConfig(({ mode }) => {
  const name = mode === 'preload' ? 'preload' : 'main';
  return {
    build: {
      target: 'node22',
      outDir: `${here}dist/${name}`,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      ssr: true,
      lib: { entry: entries[name], formats: ['cjs'], fileName: () => `${name}.cjs` },
      rollupOptions: { external, output: { codeSplitting: false } },
    },
    ssr: { noExternal: true, external: ['electron'] },
  };
});
