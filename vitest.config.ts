import { defineConfig } from 'vitest/config';

// TZ is pinned so that no test depends on the machine's zone; calendar tests that need
// another zone start a child process with their own TZ.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
