import { defineConfig } from 'vitest/config';

// Timeouts are sized for a cold start on a busy 2-core machine: a test fails on what it
// asserts, never on how long it took. The global setup builds dist/ once for the tests
// that run the compiled CLI as a child process.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 600_000,
    globalSetup: ['test/cli/buildOnce.ts'],
  },
});
