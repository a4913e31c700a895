import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, expect, test, type Page } from '@playwright/test';
import { startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { td1Specimen } from '#tests/support/mrzSamples';
import { canaryAtRest, clipboardText, filesContaining, newCanary, pdfText, rotateLog, selectionText } from './support/canaries';
import { openPack } from './support/contentPacks';
import { chromiumHostOnly, e2eHost } from './support/e2eHost';
import { fakeCups, type FakeCups } from './support/fakeCups';
import { helpConfigFile } from './support/helpConfig';
import { closedPort, launchKiosk, waitForReset, type RunningKiosk } from './support/kioskProcess';
import { callForHelp } from './support/staff';
import { openTile, placeScan, portalPage, tapInPortal, typeOnScreen, waitForFrame, workstationConfig, type WorkstationSetup } from './support/workstation';

/**
 * Nothing about a citizen at rest (README.md, "Privacy"): whole journeys on both roles leave a
 * canary of their own everywhere a citizen can — typed search, an ID document read, a printed slip
 * and queue ticket, a form typed on the on-screen keyboard, a printed page and an offered PDF (to a
 * PDF folder and to CUPS), a scan, the clipboard and the selection buffer, a help call that could
 * not be delivered — and after the session ends, or after the kiosk is killed and started again, no
 * file the kiosk can reach holds it: the data folder (logs, rotated and compressed ones included),
 * the print spool and folders, the scan folder, the browsers' temporary profiles; nor the
 * clipboard, nor the selection buffer.
 */

test.skip(e2eHost === 'electron', chromiumHostOnly);

let portal: TestPortal;
let kiosk: RunningKiosk | undefined;
test.beforeAll(async () => {
  portal = await startTestPortal();
});
test.afterAll(async () => {
  await portal.close();
});
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

/** Puts an ID card with the canary as the holder's name on the simulated reader, and waits until the kiosk has read it. */
async function readIdCard(kioskNow: RunningKiosk, canary: string): Promise<void> {
  const [line1, line2] = td1Specimen.lines;
  const inbox = join(kioskNow.dataDir, 'reader-inbox');
  mkdirSync(inbox, { recursive: true });
  const file = join(inbox, 'card.mrz');
  writeFileSync(`${file}.part`, [line1, line2, `${canary}<<ANNA`.padEnd(30, '<')].join('\n'));
  renameSync(`${file}.part`, file);
  await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => readFileSync(join(kioskNow.dataDir, 'logs', 'kiosk.log'), 'utf8'), { timeout: 10_000 }).toContain('"event":"document-read"');
}

/** Kills the kiosk (no reset, no clean-up) and starts it again on the same data folder. */
async function killAndRestart(config: string, env: Record<string, string> = {}): Promise<RunningKiosk> {
  if (kiosk === undefined) throw new Error('no kiosk to kill');
  const { dataDir } = kiosk;
  kiosk.process.child.kill('SIGKILL');
  await kiosk.process.exited;
  await kiosk.browser.close().catch(() => undefined);
  return launchKiosk({ config, dataDir, env });
}

test('the scan itself finds a canary in each form it is kept in: plain, UTF-16, gzip and a printed PDF page', async () => {
  const canary = newCanary();
  const dir = join(test.info().outputDir, 'forms');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plain.txt'), `note ${canary}`);
  writeFileSync(join(dir, 'wide.txt'), Buffer.from(`note ${canary}`, 'utf16le'));
  writeFileSync(join(dir, 'kiosk.log.2.gz'), gzipSync(`{"msg":"${canary}"}`));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.setContent(`<p>Name: <b>${canary}</b></p>`);
    const pdf = await page.pdf();
    // As printed, the page holds glyph numbers: the raw bytes do not show the name, the PDF's text does.
    expect(pdf.includes(canary)).toBe(false);
    expect(await pdfText(pdf)).toContain(canary);
    writeFileSync(join(dir, 'page.pdf'), pdf);
  } finally {
    await browser.close();
  }
  writeFileSync(join(dir, 'clean.txt'), 'nothing here');
  expect((await filesContaining(dir, canary)).sort()).toEqual(['kiosk.log.2.gz', 'page.pdf', 'plain.txt', 'wide.txt']);
});

type Printer = 'pdf-folder' | 'cups';

/** The workstation config with its document printer sent to the fake CUPS instead of a PDF folder. */
function withCups(setup: WorkstationSetup, cups: FakeCups): string {
  const config = JSON.parse(readFileSync(setup.config, 'utf8')) as { portal: Record<string, unknown> };
  config.portal.printer = { kind: 'cups', queue: 'Kiosk', cupsdConf: cups.cupsdConf };
  const file = setup.config.replace(/\.json$/, '-cups.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Prints what the portal shows (the page, or the offered PDF) and waits until the printer took it. */
async function printAndDismiss(page: Page, action: 'portal-print' | 'portal-print-offer'): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
  const message = page.locator('[data-portal-message="print"]');
  await expect(message).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  await page.locator('[data-action="portal-dismiss-print"]').click();
}

/** The citizen's workstation journey: an ID card read, a form typed on the on-screen keyboard and selected, the page and an offered PDF printed, a scan. */
async function workstationJourney(running: RunningKiosk, setup: WorkstationSetup, canary: string): Promise<void> {
  const { page } = running;
  await openTile(page, 'testportal');
  await waitForFrame(page);
  await readIdCard(running, canary);
  const site = await portalPage(page, portal.origin);
  await site.goto(portal.url(`/write?canary=${canary}`));
  await tapInPortal(page, site, '#keep');
  await typeOnScreen(page, canary);
  await expect(site.locator('#keep')).toHaveValue(canary);
  // The page writes the canary to the clipboard and the browser's stores.
  await tapInPortal(page, site, '#write');
  await portal.waitForReport('write', { predicate: (report) => report.canary === canary });
  // A citizen's selection fills the selection buffer (a triple-click is a user's selection).
  await site.locator('#keep').click({ clickCount: 3 });
  await printAndDismiss(page, 'portal-print');
  rotateLog(running.dataDir);

  await site.goto(portal.url('/downloads'));
  await site.locator('#pdf-link').evaluate((link, name) => link.setAttribute('href', `/document.pdf?canary=${name}`), canary);
  await tapInPortal(page, site, '#pdf-link');
  await expect(page.locator('[data-portal-message="offer"]')).toContainText(`Bescheid_${canary}.pdf`);
  await printAndDismiss(page, 'portal-print-offer');
  placeScan(setup.scanFolder, `Antrag-${canary}.pdf`, `%PDF-1.4 ${canary}`);
}

for (const printer of ['pdf-folder', 'cups'] as const satisfies readonly Printer[]) {
  for (const ending of ['end', 'kill'] as const) {
    test(`workstation, printing to ${printer}: after ${ending === 'end' ? '"end session"' : 'kill -9 and a restart'} no file, clipboard or selection holds the canary`, async () => {
      test.setTimeout(180_000);
      const setup = workstationConfig(portal, { name: `at-rest-${printer}-${ending}` });
      const cups = printer === 'cups' ? fakeCups() : null;
      const config = cups === null ? setup.config : withCups(setup, cups);
      const env: Record<string, string> = cups === null ? {} : { PATH: `${cups.bin}:${process.env.PATH ?? ''}` };
      const printed = cups === null ? setup.printFolder : cups.spool;
      kiosk = await launchKiosk({ config, env });
      const canary = newCanary();
      await workstationJourney(kiosk, setup, canary);
      // Both documents are where the printer keeps them, the name readable in each: so the scan below can fail.
      expect(readdirSync(printed)).toHaveLength(2);
      expect(await filesContaining(printed, canary)).toHaveLength(2);
      expect(await canaryAtRest(canary, [setup.scanFolder])).not.toEqual([]);

      if (ending === 'end') {
        await kiosk.page.locator('[data-action="end-session"]').click();
        await waitForReset(kiosk.page);
        await expect.poll(() => readdirSync(printed), { timeout: 15_000 }).toEqual([]);
        expect(await clipboardText(kiosk.browser, portal.url('/start'))).not.toContain(canary);
        expect(await selectionText(kiosk.browser)).not.toContain(canary);
      } else {
        kiosk = await killAndRestart(config, env);
        await expect.poll(() => readdirSync(printed), { timeout: 15_000 }).toEqual([]);
      }
      expect(await canaryAtRest(canary, [kiosk.dataDir, printed, setup.scanFolder])).toEqual([]);
      expect(kiosk.process.output()).not.toContain(canary);
      // CUPS never saw the document's name: every job has the kiosk's fixed title.
      if (cups !== null) {
        const runs = readFileSync(cups.argsLog, 'utf8');
        expect(runs).toContain('-t Buergerservice-Kiosk');
        expect(runs).not.toContain(canary);
      }
    });
  }
}

/** The information terminal: open around the clock (for the queue), with a help webhook that nobody answers, so the call stays in the outbox. */
async function infoConfig(): Promise<string> {
  const unreachable = `http://127.0.0.1:${String(await closedPort())}/help`;
  return helpConfigFile('at-rest-secret-that-nobody-receives-0123456789', [{ url: unreachable }], 600, { content: { folder: openPack } });
}

/** The citizen's information-terminal journey: a queue ticket, a search in their own words (selected), an ID card read, a printed slip, a copy, a help call. */
async function infoJourney(running: RunningKiosk, canary: string): Promise<void> {
  const { page } = running;
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-action="open-queue"]').click();
  await page.locator('[data-category="ausweise"]').click();
  await expect(page.locator('.ticket__print')).toBeVisible();
  await page.locator('[data-action="ticket-done"]').click();

  await page.locator('[data-action="open-search"]').click();
  const search = page.locator('#service-search');
  await search.fill(canary);
  await expect(page.locator('[data-screen="info-search"] [data-service]')).toHaveCount(0);
  await search.click({ clickCount: 3 });
  await readIdCard(running, canary);
  rotateLog(running.dataDir);
  await search.fill('perso');
  await page.locator('[data-screen="info-search"] [data-service]').first().click();
  await page.locator('[data-action="print-slip"]').click();
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  // What a citizen copies (here, by the page's own clipboard, as a copy would) goes into the system clipboard.
  await page.evaluate((text) => navigator.clipboard.writeText(text), canary);
  await callForHelp(page);
}

for (const ending of ['end', 'kill'] as const) {
  test(`information terminal: after ${ending === 'end' ? '"end session"' : 'kill -9 and a restart'} no file, clipboard or selection holds the canary`, async () => {
    test.setTimeout(150_000);
    const config = await infoConfig();
    kiosk = await launchKiosk({ config });
    const canary = newCanary();
    await infoJourney(kiosk, canary);
    const help = join(kiosk.dataDir, 'help');
    expect(readdirSync(help, { recursive: true }).length, 'the help call waits in the outbox').toBeGreaterThan(0);

    if (ending === 'end') {
      const { page } = kiosk;
      await page.locator('[data-action="end-session"]').click();
      await waitForReset(page);
      expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain(canary);
      expect(await selectionText(kiosk.browser)).not.toContain(canary);
      // A middle-click in the next citizen's search pastes nothing (the kiosk page refuses it).
      await page.locator('[data-action="start-again"]').click();
      await page.locator('[data-action="open-search"]').click();
      await page.locator('#service-search').click({ button: 'middle' });
      await expect(page.locator('#service-search')).toHaveValue('');
    } else {
      kiosk = await killAndRestart(config);
    }
    // The receipts (a slip and a ticket) are gone: at the session's end, or when the printer connects after the restart.
    const { dataDir } = kiosk;
    await expect
      .poll(() => readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('receipt-')), { timeout: 15_000 })
      .toEqual([]);
    expect(await canaryAtRest(canary, [kiosk.dataDir])).toEqual([]);
    expect(kiosk.process.output()).not.toContain(canary);
  });
}
