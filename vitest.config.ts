import { defineConfig } from 'vitest/config';

// TZ is pinned so that no test depends on the machine's zone; calendar tests that need
// another zone start a child process with their own TZ.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
    // `npm test` runs both projects; `npm run test:e2e` (--project e2e) only the browser journeys.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'] } },
      {
        extends: true,
        // one journey at a time: each starts a server and Chromium (2-core CI machines)
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
