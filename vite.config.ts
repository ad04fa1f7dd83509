import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The manifest lets the budget check follow each route's chunks (tests/budget).
  build: { outDir: 'dist', sourcemap: true, manifest: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/resilience/**', 'node_modules/**'],
    // Vitest's default is one worker fewer than the CPUs: one file at a time on CI's two cores,
    // while most of the slow files wait (on child servers starting, sockets, drill time) rather
    // than compute. Two workers keep both cores busy (tests/README.md, "How the tests stay fast").
    maxWorkers: 2,
    // The tests that spawn `firedrill serve` need a dist/; built once here, not by each server.
    globalSetup: ['tests/support/app-built.ts'],
    // Bounds for a hung test, not speed goals (those are in `npm run bench`): a loaded 2-core
    // machine takes seconds to spawn the CLI through tsx.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
