import { defineConfig } from 'vitest/config';

/** `npm run test:resilience`: real server processes, run one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/resilience/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
