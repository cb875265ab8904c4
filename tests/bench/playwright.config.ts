import { defineConfig } from '@playwright/test';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
process.env.VINCULO_EXTENSION_DIR ??= '.output-bench/chrome-mv3';

export default defineConfig({
  testDir: '.',
  testMatch: 'vinculo.bench.ts',
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
});
