import { defineConfig } from 'vitest/config';

// Unit tests exercise src/schema and src/model directly: no Astro, so they run in milliseconds.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
