// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Packages that do I/O, render UI or talk to AWS: the pure domain must not import them. */
const impureModules = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
    message: 'The pure domain renders nothing: no React.',
  },
  { group: ['zustand', 'zustand/*', 'recharts'], message: 'The pure domain renders nothing.' },
  {
    group: ['fastify', 'fastify/*', '@fastify/*', 'ws', 'better-sqlite3', 'pino'],
    message: 'The pure domain does no I/O: no server.',
  },
  { group: ['@aws-sdk/*'], message: 'The pure domain never calls AWS.' },
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
    message: 'The pure domain does no I/O.',
  },
];
/** @param {string} name */
const layer = (name) => [`**/${name}/**`, `../${name}/*`, `../../${name}/*`];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/engine/**', 'src/scenario/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...impureModules,
            {
              group: [...layer('server'), ...layer('app'), ...layer('fis'), ...layer('protocol')],
              message: 'engine and scenario import only each other.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The pure domain has no DOM.' },
        { name: 'document', message: 'The pure domain has no DOM.' },
        { name: 'localStorage', message: 'The pure domain has no storage.' },
        { name: 'fetch', message: 'The pure domain does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is data: the host passes it in.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from the drill seed.' },
      ],
    },
  },
  {
    files: ['src/app/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('server'), ...layer('fis')],
              message: 'The app talks to the server only through src/protocol.',
            },
            {
              group: ['fastify', 'fastify/*', 'better-sqlite3', '@aws-sdk/*', 'node:*'],
              message: 'The app runs in the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('server'), ...layer('app'), ...layer('fis')],
              message: 'protocol is shared by app and server and depends on neither.',
            },
          ],
        },
      ],
    },
  },
);
