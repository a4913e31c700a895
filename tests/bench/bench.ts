/**
 * `npm run bench`: speed figures of the kiosk on the Chromium host, as median and p95 over
 * repeated runs. Later capabilities add their own figures here.
 *   - startup: process launch → `KIOSK_READY` (attract screen shown)
 *   - reset:   "end" pressed → attract state shown with every citizen store reset
 *   - receipt encoding (budget < 2 ms) and tap-to-first-byte on a pty printer (budget < 50 ms)
 *   - service search per keystroke over the whole content pack (p50/p99, budget p99 < 5 ms; searchBench.ts)
 *   - search results rendered in Chromium per keystroke (budget p95 < 50 ms; searchRenderBench.ts)
 *   - workstation: tap on a tile → portal page shown, and end → clean attract screen (budget p95 < 300 ms; portalBench.ts)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot, chooseLanguageInMenu, freePort, launchKiosk, startProcess } from '#tests/e2e/support/kioskProcess';
import { openAssist, staffSection } from '#tests/e2e/support/staff';
import { VirtualEscPosPrinter } from '#tests/support/virtualEscposPrinter';
import { benchReceiptEncoding, benchTapToFirstByte } from './printerBench';
import { runSearchBench } from './searchBench';
import { benchSearchRender } from './searchRenderBench';
import { benchPortal } from './portalBench';

const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const resetRuns = Number(process.env.BENCH_RESET_RUNS ?? 30);
const printRuns = Number(process.env.BENCH_PRINT_RUNS ?? 20);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function report(name: string, values: readonly number[], budgetMs?: number): void {
  const fmt = (v: number): string => `${v.toFixed(1)} ms`;
  const p95 = percentile(values, 95);
  const verdict = budgetMs === undefined ? '' : p95 <= budgetMs ? `   within budget (${String(budgetMs)} ms)` : `   OVER BUDGET (${String(budgetMs)} ms)`;
  console.log(`${name.padEnd(52)} median ${fmt(percentile(values, 50)).padStart(10)}   p95 ${fmt(p95).padStart(10)}   (n=${String(values.length)})${verdict}`);
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
      await chooseLanguageInMenu(page, 'en');
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

/**
 * A tap on "test print" in the running kiosk (Chromium host, real serial driver) until the first
 * job byte reaches the virtual printer on a pty: UI, IPC, status check, encoding and the wire.
 */
async function benchUiTapToFirstByte(): Promise<number[]> {
  const virtual = await VirtualEscPosPrinter.start();
  const configFile = join(mkdtempSync(join(tmpdir(), 'kiosk-bench-')), 'pty-printer.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      terminal: { id: 'bench', name: 'Bench', role: 'info', site: 'Bench' },
      languages: { default: 'de', offered: ['de', 'en'] },
      devices: [{ id: 'receipt-printer', kind: 'printer', driver: 'escpos-serial', path: virtual.devicePath, statusPollSeconds: 300 }],
      // The test print is in assist mode, behind the staff PIN.
      staff: staffSection,
    }),
  );
  const kiosk = await launchKiosk({ config: configFile });
  const { page } = kiosk;
  const times: number[] = [];
  try {
    await page.locator('[data-device-mark][data-attention="0"]').waitFor();
    await page.locator('[data-action="start-session"]').click();
    await openAssist(page);
    const button = page.locator('[data-action="test-print"]');
    for (let i = 0; i < printRuns; i += 1) {
      await button.waitFor();
      await page.locator('[data-action="test-print"]:not([disabled])').waitFor();
      const firstByte = virtual.whenPrintBytes(virtual.printBytes() + 1);
      const started = performance.now();
      await page.evaluate(() => {
        document.querySelector<HTMLButtonElement>('[data-action="test-print"]')?.click();
      });
      times.push((await firstByte) - started);
      await page.locator('[data-print-status="printed"]').waitFor();
    }
  } finally {
    await kiosk.close();
    await virtual.stop();
  }
  return times;
}

const startup = await benchStartup();
const reset = await benchReset();
const encoding = await benchReceiptEncoding(Number(process.env.BENCH_ENCODE_RUNS ?? 200));
const firstByte = await benchTapToFirstByte(printRuns);
const uiFirstByte = await benchUiTapToFirstByte();
const searchRender = await benchSearchRender();
const portal = await benchPortal(Number(process.env.BENCH_PORTAL_RUNS ?? 30));
console.log('');
report('startup: launch → KIOSK_READY', startup);
report('session reset: end → attract, stores reset', reset);
report('receipt encoding', encoding, 2);
report('print: PrintService.print() → first byte on the pty', firstByte, 50);
report('print: tap in the UI → first byte on the pty', uiFirstByte, 50);
report('search: keystroke → results rendered (Chromium)', searchRender, 50);
report('workstation: tap on a tile → portal page shown', portal.open, 300);
report('workstation: end → clean attract, portal context gone', portal.end, 300);

// Own section: plain Node, no kiosk process.
await runSearchBench();
