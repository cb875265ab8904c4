import { defineConfig } from '@playwright/test';

// `npm run screenshots`: not a test suite but one script, run by Playwright's runner because it compiles
// TypeScript and resolves the e2e harness it shares.
export default defineConfig({
  testDir: '.',
  testMatch: 'take.ts',
  // Its own folder: a run clears it, and the e2e run's traces live in test-results/.
  outputDir: '../../test-results/screenshots',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
