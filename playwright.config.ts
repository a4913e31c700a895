import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real kiosk: each test starts the Chromium host (dist/chromium/host.mjs)
 * headless with a CDP port and connects to it, as an outside Playwright script would.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.cache/test-results/e2e-artifacts',
  globalSetup: './tests/e2e/support/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.cache/test-results/e2e.json' }]],
});
