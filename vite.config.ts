import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The manifest lets the budget check follow each route's chunks (tests/budget).
  build: { outDir: 'dist', sourcemap: true, manifest: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/resilience/**', 'node_modules/**'],
    // Workers: Vitest's default, one fewer than the CPUs, so one file at a time on two cores.
    // CI's machine is its own: `.ci/run` sets VITEST_MAX_WORKERS=2, as most slow files wait
    // (on child servers starting, sockets, drill time) rather than compute. On a machine other
    // runs already saturate, a second worker only pushes server start-ups past their bounds.
    // The tests that spawn `firedrill serve` need a dist/; built once here, not by each server.
    globalSetup: ['tests/support/app-built.ts'],
    // Bounds for a hung test, not speed goals (those are in `npm run bench`): a loaded 2-core
    // machine takes seconds to spawn the CLI through tsx.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
