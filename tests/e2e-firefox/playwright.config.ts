import { defineConfig } from '@playwright/test';

// The Firefox suite: the shared specs (tests/e2e/shared, which Chromium runs too) and Firefox's own,
// in Debian's Firefox ESR driven by puppeteer-core (tests/e2e-firefox/harness.ts). Playwright is only
// the test runner here: `browserName: 'firefox'` tells the shared `vinculo` fixture which harness to start.
export default defineConfig({
  testDir: '..',
  testMatch: ['e2e/shared/**/*.spec.ts', 'e2e-firefox/**/*.spec.ts'],
  outputDir: '../../test-results/firefox',
  // One browser at a time: the machine has two cores and each test starts its own Firefox.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: { browserName: 'firefox' },
});
