import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The same bundle loads from file:// inside Electron and from the server in a browser,
// so every asset URL is relative (base './').
const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page's CSP forbids eval and inline scripts. The dev server needs both (React refresh's
 * inline preamble; RxDB dev-mode's schema validator compiles with `new Function`), so only
 * `vite serve` loosens it; builds keep the strict policy.
 */
const devContentSecurityPolicy = (): Plugin => ({
  name: 'atendo-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      "default-src 'self';",
      "default-src 'self'; script-src 'self' 'unsafe-eval' 'unsafe-inline';",
    ),
});

export default defineConfig({
  root: `${here}renderer`,
  base: './',
  plugins: [react(), devContentSecurityPolicy()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
});
