// @ts-check
// Lint enforces the zones of docs/architecture.md: what may import what, and where the clock
// and the console may be read.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'events',
  'stream',
];
const noDesktop = {
  group: ['@atendo/desktop', '@atendo/desktop/*', '**/desktop/**'],
  message: 'The server never imports desktop code.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'server/public/**',
      // Windows Installer JScript (ES3, run by msiexec): not JavaScript for Node or a browser.
      'build/msi/write-policy.js',
      '.shot*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS build hooks run by electron-builder under Node.
    files: ['build/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'rxdb', 'express', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no node built-ins.' },
            {
              group: [
                '@atendo/server',
                '@atendo/server/*',
                '@atendo/desktop',
                '@atendo/desktop/*',
                '**/server/**',
                '**/desktop/**',
              ],
              message: 'shared/ imports nothing from server or desktop.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'localStorage',
        'fetch',
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` in: shared rules never read the clock.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `now` in: shared rules never read the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass ids in: shared rules never make randomness.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noDesktop] }],
    },
  },
  {
    files: ['desktop/renderer/**/*.ts', 'desktop/renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer runs in any browser: talk to the OS through window.atendo.',
            },
            ...nodeBuiltins.filter((n) => n !== 'node:*'),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in any browser: no node built-ins.' },
            {
              group: ['@atendo/server', '@atendo/server/*', '**/server/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the server (AppRouter).',
            },
            {
              group: ['**/desktop/main/**', '**/main/**', '**/preload/**'],
              message: 'The renderer never imports main or preload code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['desktop/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/main/**', '@atendo/server', '@atendo/server/*'],
              message: 'preload holds the contextBridge and the IPC contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['desktop/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'rxdb'],
          patterns: [
            {
              group: ['**/renderer/**', '@atendo/server', '@atendo/server/*'],
              message: 'main imports shared only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', '.ci/**/*.ts', '**/scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
);
