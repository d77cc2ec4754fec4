import { defineConfig } from 'vitest/config'

// Test tiers by file suffix: *.test.ts (pure rules, no I/O), *.int.test.ts (through app.inject on a
// real database, run once on PGlite and once on PostgreSQL), e2e/*.spec.ts (Chromium).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['common/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int-pglite',
          include: ['server/**/*.int.test.ts'],
          env: { CB_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'int-postgres',
          include: ['server/**/*.int.test.ts'],
          env: { CB_TEST_DB: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
})
