import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The manifest lets the budget check follow each route's chunks (tests/budget).
  build: { outDir: 'dist', sourcemap: true, manifest: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/resilience/**', 'node_modules/**'],
    // Bounds for a hung test, not speed goals (those are in `npm run bench`): a loaded 2-core
    // machine takes seconds to spawn the CLI through tsx.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
