/**
 * `npm run bench`: speed figures of the kiosk on the Chromium host, as median and p95 over
 * repeated runs. Later capabilities add their own figures here.
 *   - startup: process launch → `KIOSK_READY` (attract screen shown)
 *   - reset:   "end" pressed → attract state shown with every citizen store reset
 *   - receipt encoding (budget < 2 ms) and tap-to-first-byte on a pty printer (budget < 50 ms)
 */
import { join } from 'node:path';
import { appRoot, freePort, launchKiosk, startProcess } from '../e2e/support/kioskProcess';
import { benchReceiptEncoding, benchTapToFirstByte } from './printerBench';

const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const resetRuns = Number(process.env.BENCH_RESET_RUNS ?? 30);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function report(name: string, values: readonly number[]): void {
  const fmt = (v: number): string => `${v.toFixed(1)} ms`;
  console.log(`${name.padEnd(48)} median ${fmt(percentile(values, 50)).padStart(10)}   p95 ${fmt(percentile(values, 95)).padStart(10)}   (n=${String(values.length)})`);
}

async function benchStartup(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < startupRuns; i += 1) {
    const port = await freePort();
    const started = performance.now();
    const proc = startProcess(join(appRoot, 'dist', 'chromium', 'host.mjs'), ['--headless', '--cdp-port', String(port)]);
    await proc.waitForOutput(/^KIOSK_READY \S+$/m, 60_000);
    times.push(performance.now() - started);
    await proc.stop();
  }
  return times;
}

async function benchReset(): Promise<number[]> {
  const kiosk = await launchKiosk();
  const { page } = kiosk;
  const times: number[] = [];
  try {
    for (let i = 0; i < resetRuns; i += 1) {
      await page.locator('[data-action="start-session"], [data-action="start-again"]').first().click();
      await page.locator('[data-screen="home-info"]').waitFor();
      await page.locator('[data-language="en"]').click();
      await page.locator('html[lang="en"]').waitFor();
      // Measured inside the page: from the "end" call to the attract state with the language reset.
      const ms = await page.evaluate(async () => {
        const root = document.querySelector('.kiosk');
        if (!root || !window.kiosk) throw new Error('kiosk UI not found');
        const done = (): boolean => root.getAttribute('data-session-state') === 'attract' && document.documentElement.lang === 'de';
        const started = performance.now();
        const finished = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.documentElement, { attributes: true, subtree: true });
        });
        await window.kiosk.invoke('session.end', {});
        return finished;
      });
      times.push(ms);
    }
  } finally {
    await kiosk.close();
  }
  return times;
}

const startup = await benchStartup();
const reset = await benchReset();
const encoding = await benchReceiptEncoding(Number(process.env.BENCH_ENCODE_RUNS ?? 200));
const firstByte = await benchTapToFirstByte(Number(process.env.BENCH_PRINT_RUNS ?? 20));
console.log('');
report('startup: launch → KIOSK_READY', startup);
report('session reset: end → attract, stores reset', reset);
report('receipt encoding (budget < 2 ms)', encoding);
report('print: tap → first byte on the pty (budget < 50 ms)', firstByte);
