import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { clipboardText, filesContaining, kioskTempFolders } from './support/canaries';
import { chromiumHostOnly, e2eHost } from './support/e2eHost';
import { fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { openTile, placeScan, portalPage, tapInPortal, typeOnScreen, waitForFrame, workstationConfig, type WorkstationSetup } from './support/workstation';

/**
 * Nothing about a citizen at rest (README.md, "Privacy"): whole journeys on both roles leave a
 * canary of their own everywhere a citizen can — typed search, a printed slip, a form typed on the
 * on-screen keyboard, a printed page, a scan, the clipboard — and after the session ends, or after
 * the kiosk is killed and started again, no file the kiosk can reach holds it: the data folder
 * (logs and their rotations included), the print and scan folders, the browsers' temporary
 * profiles; nor the clipboard.
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

const newCanary = (): string => `CANARY-${randomBytes(5).toString('hex').toUpperCase()}`;

/** Every place at rest the canary was found in; empty is the only passing answer. */
function canaryAtRest(canary: string, folders: readonly string[]): string[] {
  return [...folders, ...kioskTempFolders()].flatMap((folder) => filesContaining(folder, canary).map((file) => `${folder}: ${file}`));
}

/** The citizen's workstation journey: a form typed on the on-screen keyboard, the page printed, a scan, a copy. */
async function workstationJourney(page: Page, setup: WorkstationSetup, canary: string): Promise<void> {
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await site.goto(portal.url(`/write?canary=${canary}`));
  await tapInPortal(page, site, '#keep');
  await typeOnScreen(page, canary);
  await expect(site.locator('#keep')).toHaveValue(canary);
  await tapInPortal(page, site, '#write');
  await portal.waitForReport('write', { predicate: (report) => report.canary === canary });
  await page.locator('[data-action="portal-print"]').click();
  await expect(page.locator('[data-portal-message="print"]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  expect(readdirSync(setup.printFolder)).toHaveLength(1);
  placeScan(setup.scanFolder, `Antrag-${canary}.pdf`, `%PDF-1.4 ${canary}`);
}

for (const ending of ['end', 'kill'] as const) {
  test(`workstation: after ${ending === 'end' ? '"end session"' : 'kill -9 and a restart'} no file and no clipboard holds the citizen's canary`, async () => {
    test.setTimeout(150_000);
    const setup = workstationConfig(portal, { name: `at-rest-${ending}` });
    kiosk = await launchKiosk({ config: setup.config });
    const canary = newCanary();
    await workstationJourney(kiosk.page, setup, canary);
    expect(canaryAtRest(canary, [setup.printFolder, setup.scanFolder]).length, 'the journey left its canary (so the scan below can fail)').toBeGreaterThan(0);

    if (ending === 'end') {
      await kiosk.page.locator('[data-action="end-session"]').click();
      await kiosk.page.locator('[data-screen="attract"]').waitFor();
      await expect.poll(() => readdirSync(setup.printFolder)).toEqual([]);
      expect(await clipboardText(kiosk.browser, portal.url('/start'))).not.toContain(canary);
    } else {
      const dataDir = kiosk.dataDir;
      kiosk.process.child.kill('SIGKILL');
      await kiosk.process.exited;
      await kiosk.browser.close().catch(() => undefined);
      kiosk = await launchKiosk({ config: setup.config, dataDir });
    }
    expect(canaryAtRest(canary, [kiosk.dataDir, setup.printFolder, setup.scanFolder])).toEqual([]);
    expect(kiosk.process.output()).not.toContain(canary);
  });
}

test('information terminal: a search, a printed slip and a copy leave nothing at rest after the session', async () => {
  test.setTimeout(90_000);
  kiosk = await launchKiosk({ config: fixtureConfig('info-staff.json') });
  const { page } = kiosk;
  const canary = newCanary();
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-action="open-search"]').click();
  // The citizen's own words go to the search first (they find nothing), then a service is opened.
  await page.locator('#service-search').fill(canary);
  await expect(page.locator('[data-screen="info-search"] [data-service]')).toHaveCount(0);
  await page.locator('#service-search').fill('perso');
  await page.locator('[data-screen="info-search"] [data-service]').first().click();
  await page.locator('[data-action="print-slip"]').click();
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  // What a citizen copies (here, by the page's own clipboard, as a copy would) goes into the system clipboard.
  await page.evaluate((text) => navigator.clipboard.writeText(text), canary);
  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-screen="attract"]').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain(canary);
  expect(canaryAtRest(canary, [kiosk.dataDir])).toEqual([]);
  expect(readdirSync(kiosk.dataDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('receipt-'))).toEqual([]);
});
