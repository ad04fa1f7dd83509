// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node's own modules, bare (`fs`) and prefixed (`node:fs`): only the server does I/O. */
const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*'];

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
  { group: nodeBuiltins, message: 'The pure domain does no I/O.' },
];

/**
 * Reading the wall clock or scheduling work: the host owns time and tells the engine `now`
 * (architecture.md, "Time is data"), so replays, live runs and `simulate` stay one path.
 */
const timers = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'requestIdleCallback',
].map((name) => ({ name, message: 'Time is data: the host wakes the engine, no timers here.' }));
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
        ...timers,
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is data: the host passes it in.' },
        { object: 'performance', property: 'now', message: 'Time is data: the host passes it in.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from the drill seed.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `new Date(ms)` is a pure conversion; only the argument-less form reads the clock.
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is data: the host passes it in (new Date(ms) is fine).',
        },
        {
          // `Date()` called as a function ignores its arguments and returns the current time.
          selector: "CallExpression[callee.name='Date']",
          message: 'Time is data: the host passes it in.',
        },
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
              group: ['fastify', 'fastify/*', '@fastify/*', 'better-sqlite3', '@aws-sdk/*', 'ws'],
              message:
                'The app runs in the browser: it reaches the server over HTTP and WebSocket.',
            },
            { group: nodeBuiltins, message: 'The app runs in the browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/fis/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // An allow-list: its own files, the AWS FIS client, and the pure layers' types.
              regex: String.raw`^(?!\./|@aws-sdk/client-fis$|(\.\./)+(engine|scenario)/)`,
              message:
                'src/fis imports only @aws-sdk/client-fis and its own files (src/fis/README.md).',
            },
            {
              regex: String.raw`^(\.\./)+(engine|scenario)/`,
              allowTypeImports: true,
              message: 'src/fis uses the engine and scenario types only, never their code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layer('app'),
              message: 'The server never imports the app: they meet only in src/protocol.',
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
