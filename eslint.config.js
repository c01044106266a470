// ESLint flat config. The layer fence lives here: src/core imports nothing that does I/O and
// nothing from the outer layers, so the domain stays readable and testable on its own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fastify',
  '@fastify/*',
  'kysely',
  'pg',
  'better-sqlite3',
  'yjs',
  'react',
  'react-dom',
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:child_process',
  'fs',
  'net',
  'http',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.filter((m) => !m.includes('*')),
          patterns: [
            { group: ['@fastify/*'], message: 'core does no I/O' },
            {
              group: ['@simplewebauthn/*'],
              message: 'core reaches WebAuthn through the WebAuthn port (core/ports.ts)',
            },
            {
              group: ['**/server/**', '**/cli/**', '**/web/**', '**/contract/**'],
              message: 'arrows point inwards: core imports no outer layer',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/web/**'],
              message: 'contract is shared by the outer layers and imports none of them',
            },
          ],
        },
      ],
    },
  },
);
