import { defineConfig } from '@playwright/test';
import { e2eHost, electronForTests } from './tests/e2e/support/e2eHost';

// The Electron leg (KIOSK_HOST=electron) needs Electron's binary; where it cannot be had, the leg
// is skipped with one line, and the Chromium leg (the default) is what CI runs.
if (e2eHost === 'electron') {
  const binary = electronForTests();
  if (!binary.available) {
    console.log(`Electron leg of the end-to-end tests skipped: no Electron binary (${binary.reason}); run without KIOSK_HOST for the Chromium leg.`);
    process.exit(0);
  }
}

/**
 * End-to-end tests drive the real kiosk: each test starts the Chromium host (dist/chromium/host.mjs)
 * headless with a CDP port and connects to it, as an outside Playwright script would; with
 * KIOSK_HOST=electron the same specs drive the Electron host (tests/e2e/support/e2eHost.ts).
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
