// Lint rules. The important ones: game/ is pure (no client/, server/, React, Node or DOM), and
// client/ and server/ never import each other (what they share is in game/contract/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Type-checked rules read the project's own tsconfig (the TypeScript program is built once).
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Type-checked: a promise is awaited or handled, never dropped or passed where a plain
      // callback is expected; a switch over a union names every case; no assertion the types
      // already prove.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // game/ must stay pure so the server, the browser, a Web Worker and the CLI can all run it.
    files: ['game/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((name) => [
            { name, message: 'game/ is pure: no Node modules.' },
            { name: `node:${name}`, message: 'game/ is pure: no Node modules.' },
          ]),
          patterns: [
            { group: ['node:*'], message: 'game/ is pure: no Node modules.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'game/ is pure: no React.' },
            {
              regex: '^(\\.\\.?/)+(client|server)(/|$)',
              message: 'game/ may not import client/ or server/.',
            },
            { group: ['socket.io*', 'better-sqlite3', 'koa*'], message: 'game/ is pure: no I/O libraries.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
          '__dirname',
        ].map((name) => ({ name, message: 'game/ is pure: no DOM, Node or timers.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from game/engine/rng.ts.' },
        { object: 'Date', property: 'now', message: 'game/ is deterministic: pass time in.' },
      ],
    },
  },
  {
    // React's rules of hooks, and effects that name what they depend on.
    files: ['client/**/*.{ts,tsx}', 'tests/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The client and the server share their contract through game/contract/, never each other's code.
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+server(/|$)',
              message: 'client/ may not import server/: share it through game/contract/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+client(/|$)',
              message: 'server/ may not import client/: share it through game/contract/.',
            },
          ],
        },
      ],
    },
  },
);
