import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,desktop}/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
