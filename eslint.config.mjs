import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** The pure core (auth server, step engine, lesson data) must not depend on a UI framework. */
const pureCore = {
  files: [
    'lib/oauth/**/*.ts',
    'lib/state/**/*.ts',
    'lib/engine/**/*.ts',
    'lib/lessons/**/*.ts',
    'lib/protocol/**/*.ts',
    'lib/live/**/*.ts',
    'lib/challenges/**/*.ts',
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'react', message: 'lib/oauth, lib/engine and lib/lessons stay framework-free.' },
          {
            name: 'react-dom',
            message: 'lib/oauth, lib/engine and lib/lessons stay framework-free.',
          },
          {
            name: 'zustand',
            message: 'lib/oauth, lib/engine and lib/lessons stay framework-free.',
          },
          {
            name: 'server-only',
            message: 'Keep server-only in the thin wiring, not in the pure core.',
          },
        ],
        patterns: [
          {
            group: ['next', 'next/*'],
            message: 'lib/oauth, lib/engine and lib/lessons stay framework-free.',
          },
          {
            group: ['zustand/*', 'react/*', 'react-dom/*'],
            message: 'lib/oauth, lib/engine and lib/lessons stay framework-free.',
          },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  pureCore,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    '.data/**',
  ]),
]);
