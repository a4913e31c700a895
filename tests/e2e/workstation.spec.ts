import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestPortal, type TestPortal } from '../support/testPortal';
import { appRoot, chooseLanguageInMenu, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { openPortalPages, openTile, portalPage, tapInPortal, typeOnScreen, waitForFrame, workstationConfig, type WorkstationSetup } from './support/workstation';

/**
 * The self-service workstation end to end on the Chromium host, against the local test portal:
 * tiles, the portal view under the kiosk's toolbar, the on-screen keyboard, printing to PDF, the
 * kiosk's own pages for refused and failed navigations.
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

let portal: TestPortal;
let kiosk: RunningKiosk | undefined;
let setup: WorkstationSetup;

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

async function start(language: 'de' | 'ar' = 'de'): Promise<RunningKiosk> {
  setup = workstationConfig(portal, { name: language });
  kiosk = await launchKiosk({ config: setup.config });
  if (language !== 'de') {
    await kiosk.page.locator('[data-action="start-session"]').click();
    await chooseLanguageInMenu(kiosk.page, language);
  }
  return kiosk;
}

test('open a tile, fill the form on the on-screen keyboard, send it, print the page to PDF, end the session', async () => {
  const { page } = await start();
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-workstation"] [data-tile]')).toHaveCount(4);
  await page.screenshot({ path: join(shots, 'workstation-start-de.png') });

  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await expect(page.locator('[data-screen="portal"] .portal-toolbar')).toBeVisible();

  await tapInPortal(page, site, '#form-link');
  await expect(site).toHaveURL(/\/form$/);
  await tapInPortal(page, site, '#name');
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-kind', 'text');
  // The field stays visible above the keyboard.
  await expect
    .poll(async () => {
      const [top, bottom, height] = await site.locator('#name').evaluate((field) => {
        const rect = field.getBoundingClientRect();
        return [rect.top, rect.bottom, window.innerHeight];
      });
      return top >= 0 && bottom <= height;
    })
    .toBe(true);
  await typeOnScreen(page, 'Jürgen Groß');
  await expect(site.locator('#name')).toHaveValue('Jürgen Groß');
  await page.screenshot({ path: join(shots, 'workstation-keyboard-de.png') });

  await tapInPortal(page, site, '#email');
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-kind', 'email');
  await typeOnScreen(page, 'j.gross@example.de');
  await tapInPortal(page, site, '#persons');
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-kind', 'number');
  await typeOnScreen(page, '2');
  await tapInPortal(page, site, '#submit');
  const submitted = await portal.waitForReport('submitted');
  expect(submitted.values).toMatchObject({ name: 'Jürgen Groß', email: 'j.gross@example.de', persons: '2' });

  await page.locator('[data-action="portal-print"]').click();
  await expect(page.locator('[data-portal-message="print"]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  const printed = readdirSync(setup.printFolder);
  expect(printed).toHaveLength(1);
  expect(readFileSync(join(setup.printFolder, printed[0] ?? '')).subarray(0, 5).toString()).toBe('%PDF-');

  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-screen="attract"]').waitFor();
  expect(openPortalPages(page)).toHaveLength(0);
});
