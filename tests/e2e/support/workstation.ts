import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import type { UiLanguage } from '#shared/i18n/languages';
import type { TestPortal } from '#tests/support/testPortal';
import { appRoot } from './kioskProcess';
import { clipboardOrigin } from '#electron/hosts/chromium/browserClipboard';

/**
 * The self-service workstation against the local test portal: a terminal config whose tiles point
 * at it, and the moves of a citizen — tapping what the portal shows and typing on the on-screen
 * keyboard. The test finds where things are on the portal page through the browser's DevTools
 * connection, then taps that spot on the kiosk's picture of it, as a finger would.
 */

export interface WorkstationSetup {
  readonly config: string;
  /** Where the terminal's document printer puts its PDFs (outside the kiosk's data folder). */
  readonly printFolder: string;
  /** The scan folder of the "scans" tile (empty: the kiosk deletes scans at start and at every session end). */
  readonly scanFolder: string;
}

/** A scan arriving in the scan folder during the session, as the scanner would write it. */
export function placeScan(scanFolder: string, name = 'Meldebescheinigung.pdf', content: Buffer | string = readFileSync(join(appRoot, 'package.json'))): void {
  writeFileSync(join(scanFolder, name), content);
}

/** Tiles: the portal itself, one that is refused at once, one with a server error, one with a scan folder (and the escape page's, if asked). */
export function workstationConfig(
  portal: TestPortal,
  options: { language?: UiLanguage; idleTimeoutSeconds?: number; name?: string; closedPort?: number; escapeTile?: boolean } = {},
): WorkstationSetup {
  const dir = mkdtempSync(join(tmpdir(), `kiosk-workstation-${options.name ?? 'e2e'}-`));
  const printFolder = join(dir, 'printed');
  const scanFolder = join(dir, 'scans');
  mkdirSync(scanFolder);
  const base = JSON.parse(readFileSync(join(appRoot, 'kiosk-config', 'workstation.json'), 'utf8')) as Record<string, unknown> & {
    languages: Record<string, unknown>;
  };
  const tile = (id: string, de: string, path: string, extra: Record<string, unknown> = {}) => ({
    id,
    label: { de, en: `${de} (en)`, ar: `${de} (ar)` },
    icon: 'document',
    startUrl: portal.url(path),
    origins: [portal.origin],
    ...extra,
  });
  const config = {
    ...base,
    session: { idleTimeoutSeconds: options.idleTimeoutSeconds ?? 600, warningSeconds: 20 },
    languages: { ...base.languages, default: options.language ?? 'de' },
    portal: {
      printer: { kind: 'pdf-folder', folder: printFolder },
      tiles: [
        tile('testportal', 'Testportal', '/start'),
        tile('weiterleitung', 'Weiterleitung', '/redirect-foreign'),
        tile('stoerung', 'Störung', '/server-error'),
        tile('scans', 'Hochladen', '/upload', { uploadFolder: scanFolder }),
        ...(options.escapeTile === true ? [tile('escape', 'Sicherheitsprüfung', '/escape')] : []),
        ...(options.closedPort === undefined
          ? []
          : [
              {
                ...tile('offline', 'Nicht erreichbar', '/start'),
                startUrl: `http://127.0.0.1:${String(options.closedPort)}/start`,
                origins: [`http://127.0.0.1:${String(options.closedPort)}`],
              },
            ]),
      ],
    },
  };
  const file = join(dir, 'workstation.json');
  writeFileSync(file, JSON.stringify(config));
  return { config: file, printFolder, scanFolder };
}

function browserOf(kioskPage: Page): Browser {
  const browser = kioskPage.context().browser();
  if (browser === null) throw new Error('the kiosk page is not connected through a browser');
  return browser;
}

/** The portal page the host opened for the current session (in its own browser context). */
export async function portalPage(kioskPage: Page, origin: string): Promise<Page> {
  const browser = browserOf(kioskPage);
  let found: Page | undefined;
  await expect
    .poll(
      () => {
        found = browser
          .contexts()
          .flatMap((context) => context.pages())
          .find((page) => page !== kioskPage && page.url().startsWith(origin));
        return found !== undefined;
      },
      { timeout: 15_000, message: `a portal page on ${origin}` },
    )
    .toBe(true);
  if (found === undefined) throw new Error(`no portal page on ${origin}`);
  // This test's own connection would dismiss the page's dialogs before the kiosk could show them.
  found.on('dialog', () => undefined);
  return found;
}

/** Every page of a portal context still open in the browser (none after a reset); not the host's own clipboard page. */
export function openPortalPages(kioskPage: Page): Page[] {
  const browser = browserOf(kioskPage);
  return browser
    .contexts()
    .flatMap((context) => context.pages())
    .filter(
      (page) => page !== kioskPage && page.context() !== kioskPage.context() && !page.url().startsWith('about:') && !page.url().startsWith(clipboardOrigin),
    );
}

/**
 * Starts a session (from attract, or from the farewell after a reset; in `language` when given, with
 * its button there) and opens a tile; resolves once the portal's first picture is shown.
 */
export async function openTile(kioskPage: Page, tileId: string, language?: UiLanguage): Promise<void> {
  const start = kioskPage.locator(
    language === undefined
      ? '[data-screen="attract"] [data-action="start-session"], [data-screen="end-of-session"] [data-action="start-again"]'
      : `:is([data-screen="attract"], [data-screen="end-of-session"]) [data-language="${language}"]`,
  );
  if (await start.isVisible()) await start.click();
  await kioskPage.locator(`[data-tile="${tileId}"]`).click();
  await kioskPage.locator('[data-screen="portal"]').waitFor();
}

/** Waits until the kiosk shows a picture of the portal page. */
export async function waitForFrame(kioskPage: Page): Promise<void> {
  await kioskPage.locator('.portal-surface__frame').waitFor();
}

/** Taps the element `selector` of the portal page where the kiosk shows it, as a finger would. */
export async function tapInPortal(kioskPage: Page, portal: Page, selector: string): Promise<void> {
  const target = portal.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  const surface = await kioskPage.locator('[data-portal-view]').boundingBox();
  if (box === null || surface === null) throw new Error(`${selector} is not on screen`);
  // Let the picture catch up with the scroll before tapping it.
  await kioskPage.waitForTimeout(150);
  await touchTap(kioskPage, surface.x + box.x + box.width / 2, surface.y + box.y + box.height / 2);
}

/** A finger tap on the kiosk page (DevTools touch input: the page sees pointerType "touch"). */
export async function touchTap(kioskPage: Page, x: number, y: number): Promise<void> {
  const cdp = await kioskPage.context().newCDPSession(kioskPage);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Types `text` on the kiosk's on-screen keyboard, key by key (shift for capitals where the layout has it). */
export async function typeOnScreen(kioskPage: Page, text: string): Promise<void> {
  const keyboard = kioskPage.locator('.on-screen-keyboard');
  await keyboard.waitFor();
  for (const character of text) {
    const key = character === ' ' ? '{space}' : character;
    let button = keyboard.locator(`[data-skbtn="${key}"]`);
    if ((await button.count()) === 0 && character !== character.toLowerCase()) {
      await keyboard.locator('[data-skbtn="{shift}"]').first().click();
      button = keyboard.locator(`[data-skbtn="${key}"]`);
    }
    await button.first().click();
  }
}
