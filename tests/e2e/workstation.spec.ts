import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { appRoot, chooseLanguageInMenu, closedPort, launchKiosk, waitForReset, type RunningKiosk } from './support/kioskProcess';
import {
  openPortalPages,
  openTile,
  placeScan,
  portalPage,
  tapInPortal,
  typeOnScreen,
  waitForFrame,
  workstationConfig,
  type WorkstationSetup,
} from './support/workstation';

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
  expect(
    readFileSync(join(setup.printFolder, printed[0] ?? ''))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  await page.locator('[data-action="end-session"]').click();
  await waitForReset(page);
  // What the citizen printed is theirs: gone with the session.
  await expect.poll(() => readdirSync(setup.printFolder)).toEqual([]);
  expect(openPortalPages(page)).toHaveLength(0);
});

test('Arabic: the toolbar is mirrored and the on-screen keyboard types Arabic letters into the portal form, which is sent; end', async () => {
  const { page } = await start('ar');
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await tapInPortal(page, site, '#form-link');
  await tapInPortal(page, site, '#name');
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-kind', 'text');
  await typeOnScreen(page, 'سلام');
  await expect(site.locator('#name')).toHaveValue('سلام');
  // Right to left: "all services" starts the toolbar on the right, "end" is on the left.
  const services = await page.locator('[data-action="portal-services"]').boundingBox();
  const end = await page.locator('[data-action="end-session"]').boundingBox();
  expect(services !== null && end !== null && services.x > end.x).toBe(true);
  await page.screenshot({ path: join(shots, 'workstation-keyboard-ar.png') });
  await tapInPortal(page, site, '#submit');
  const submitted = await portal.waitForReport('submitted', { predicate: (report) => report.values.name === 'سلام' });
  expect(submitted.values.name).toBe('سلام');
  await page.locator('[data-action="end-session"]').click();
  await waitForReset(page);
  expect(openPortalPages(page)).toEqual([]);
});

test('a page of another origin is refused with the kiosk page and a QR code — links, redirect chains, popups and a start URL that redirects away; the foreign server is never asked', async () => {
  const { page } = await start();
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await tapInPortal(page, site, '#link-foreign-link');
  await expect(site).toHaveURL(/\/link-foreign$/);

  await tapInPortal(page, site, '#foreign-link');
  const blocked = page.locator('[data-screen="portal-blocked"]');
  await expect(blocked).toBeVisible();
  await expect(blocked.locator('.qr-code')).toHaveAttribute('data-qr', `${portal.foreignOrigin}/landing`);
  await page.screenshot({ path: join(shots, 'workstation-blocked-de.png') });
  await blocked.locator('[data-action="back"]').click();
  await waitForFrame(page);
  await expect(site).toHaveURL(/\/link-foreign$/);

  // A target=_blank link to the foreign site: refused like the link itself, no second window.
  await tapInPortal(page, site, '#foreign-popup');
  await expect(blocked).toBeVisible();
  await blocked.locator('[data-action="back"]').click();
  // window.open of an allowed page opens in the same view.
  await tapInPortal(page, site, '#popup-allowed');
  await expect(site).toHaveURL(/\/start$/);

  await tapInPortal(page, site, '#redirect-chain-link');
  await expect(blocked).toBeVisible();
  await expect(blocked.locator('.qr-code')).toHaveAttribute('data-qr', `${portal.foreignOrigin}/landing`);
  expect(portal.requests('portal').map((request) => request.path)).toEqual(expect.arrayContaining(['/redirect-chain', '/hop']));

  await page.locator('[data-action="portal-services"]').click();
  await openTile(page, 'weiterleitung');
  await expect(blocked).toBeVisible();
  expect(portal.requests('foreign')).toEqual([]);
  expect(openPortalPages(page).every((opened) => opened.url().startsWith(portal.origin) || opened.url() === 'about:blank')).toBe(true);
});

test('an unreachable service or a server error shows the kiosk error page with retry and a QR code', async () => {
  setup = workstationConfig(portal, { closedPort: await closedPort() });
  kiosk = await launchKiosk({ config: setup.config });
  const { page } = kiosk;
  await openTile(page, 'stoerung');
  const error = page.locator('[data-screen="portal-error"]');
  await expect(error).toBeVisible();
  await expect(error.locator('h2')).toHaveText('Der Dienst hat gerade eine Störung');
  await expect(error.locator('.qr-code')).toHaveAttribute('data-qr', portal.url('/server-error'));
  await page.screenshot({ path: join(shots, 'workstation-error-de.png') });
  const before = portal.requests('portal').filter((request) => request.path === '/server-error').length;
  await error.locator('[data-action="portal-retry"]').click();
  await expect(error).toBeVisible();
  await expect.poll(() => portal.requests('portal').filter((request) => request.path === '/server-error').length).toBe(before + 1);

  await page.locator('[data-action="portal-services"]').click();
  await openTile(page, 'offline');
  await expect(error.locator('h2')).toHaveText('Der Dienst ist gerade nicht erreichbar');
});

test('downloads: a PDF is offered and printed, other files refused; dialogs are kiosk dialogs; file choosers are refused or limited to the scan folder', async () => {
  const { page } = await start();
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await tapInPortal(page, site, '#downloads-link');
  await tapInPortal(page, site, '#pdf-link');
  const offer = page.locator('[data-portal-message="offer"]');
  await expect(offer).toContainText('Antrag.pdf');
  await offer.locator('[data-action="portal-print-offer"]').click();
  await expect(page.locator('[data-portal-message="print"]')).toHaveAttribute('data-print-status', 'printed');
  const served = Buffer.from(await (await fetch(portal.url('/document.pdf'))).arrayBuffer());
  const printed = readdirSync(setup.printFolder);
  expect(printed).toHaveLength(1);
  expect(readFileSync(join(setup.printFolder, printed[0] ?? '')).equals(served)).toBe(true);
  await page.locator('[data-action="portal-dismiss-print"]').click();

  await tapInPortal(page, site, '#zip-link');
  await expect(page.locator('[data-portal-message="notice"]')).toHaveAttribute('data-notice', 'download-refused');
  await page.locator('[data-action="portal-dismiss-notice"]').click();

  await page.locator('[data-action="portal-home"]').click();
  await expect(site).toHaveURL(/\/start$/);
  await tapInPortal(page, site, '#dialogs-link');
  await tapInPortal(page, site, '#confirm');
  const dialog = page.locator('[data-screen="portal-dialog"]');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: join(shots, 'workstation-dialog-de.png') });
  await dialog.locator('[data-action="portal-dialog-ok"]').click();
  await expect(site.locator('#result')).toContainText('true');

  await page.locator('[data-action="portal-home"]').click();
  await tapInPortal(page, site, '#upload-link');
  await tapInPortal(page, site, '#file');
  await expect(page.locator('[data-portal-message="notice"]')).toHaveAttribute('data-notice', 'file-refused');

  await page.locator('[data-action="portal-services"]').click();
  // The scanner delivers a scan during this session: only such a file is offered.
  placeScan(setup.scanFolder);
  await openTile(page, 'scans');
  await waitForFrame(page);
  const scans = await portalPage(page, portal.origin);
  await tapInPortal(page, scans, '#file');
  const files = page.locator('[data-screen="portal-files"]');
  await expect(files.locator('[data-file]')).toHaveText(['Meldebescheinigung.pdf']);
  await files.locator('[data-file="Meldebescheinigung.pdf"]').click();
  await expect(scans.locator('#file-name')).toContainText('Meldebescheinigung.pdf');
});
