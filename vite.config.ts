import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The manifest lets the budget check follow each route's chunks (tests/budget).
  build: { outDir: 'dist', sourcemap: true, manifest: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/resilience/**', 'node_modules/**'],
  },
});
