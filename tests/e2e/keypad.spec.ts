import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixtureConfig, launchKiosk, waitForReset, type RunningKiosk } from './support/kioskProcess';
import { recordSpeech, said } from './support/speechRecorder';
import { openPortalPages, portalPage, waitForFrame, workstationConfig } from './support/workstation';
import { startTestPortal } from '#tests/support/testPortal';

/**
 * A citizen who cannot see the screen uses the kiosk with a tactile keypad only (docs/architecture.md, "Accessibility and languages",
 * EN 301 549 §5.1.3). The test terminal's keypad is a number block: * for help, / for read-aloud,
 * the decimal key for back, + for louder, 2 and 8 to move, 5 to select (tests/fixtures/config/info-keypad.json).
 */
let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

const lastSaid = async (page: Page): Promise<string> => (await said(page)).at(-1)?.text ?? '';

/** Presses `key` (the keypad's "next" key by default) until the control matching `selector` (default: a data-action) has the focus. */
async function moveTo(page: Page, action: string, selector = `[data-action="${action}"]`, key = 'Numpad2'): Promise<void> {
  const focusedMatches = (): Promise<boolean> => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  for (let i = 0; i < 60 && !(await focusedMatches()); i += 1) await page.keyboard.press(key);
  expect(await focusedMatches(), `focus on ${selector}`).toBe(true);
}

/** The text of the receipts the simulated printer has printed so far. */
function printedText(dataDir: string): string {
  const dir = join(dataDir, 'printer-preview');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
    .replaceAll('**', '')
    .replace(/\s+/g, ' ');
}

test('with the keypad alone: speech on, key help, start, display settings, louder, back, end', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-keypad.json') });
  const { page } = kiosk;
  await recordSpeech(page);

  // The audio key switches speech on and says so.
  await page.keyboard.press('NumpadDivide');
  await expect.poll(() => lastSaid(page)).toMatch(/^Vorlesen ist an\./);

  // The help key explains every key, the keypad's own among them, and reads it out.
  await page.keyboard.press('NumpadMultiply');
  await expect(page.locator('[data-screen="key-help"]')).toBeVisible();
  await expect.poll(() => lastSaid(page)).toContain('NumpadMultiply: Diese Hilfe öffnen.');
  await expect(page.locator('[data-screen="key-help"] [data-command="select"]')).toContainText('Numpad5');
  // Back closes it.
  await page.keyboard.press('NumpadDecimal');
  await expect(page.locator('[data-screen="key-help"]')).toHaveCount(0);

  // Move to the start button and press it with the keypad's select key.
  await moveTo(page, 'start-session');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  await expect.poll(async () => (await said(page)).some((s) => s.text === 'Informationsterminal')).toBe(true);

  // The display settings: opened with select, louder with the volume key, help re-reads the dialog, back closes.
  await moveTo(page, 'open-accessibility');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="accessibility"]')).toBeVisible();
  await page.keyboard.press('NumpadAdd');
  await expect.poll(() => lastSaid(page)).toBe('Lautstärke: Laut');
  await expect(page.locator('[data-setting="volume"] [data-value="high"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('NumpadMultiply');
  await expect.poll(() => lastSaid(page)).toBe('Anzeige anpassen');
  await expect(page.locator('[data-screen="key-help"]')).toHaveCount(0);
  await page.keyboard.press('NumpadDecimal');
  await expect(page.locator('[data-screen="accessibility"]')).toHaveCount(0);

  // Escape closes a dialog once, and leaves the screen as it is.
  await moveTo(page, 'open-languages');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="language-menu"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-screen="language-menu"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();

  // End the session with the keypad; the next citizen starts with speech off and nothing open.
  await moveTo(page, 'end-session');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="end-of-session"]')).toBeVisible();
  const count = (await said(page)).length;
  await page.locator('[data-action="start-again"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  expect((await said(page)).length).toBe(count);
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
});

test('information terminal with the keypad alone: a topic, a service, the way, and the printed slip', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-keypad.json') });
  const { page, dataDir } = kiosk;
  await recordSpeech(page);
  await page.keyboard.press('NumpadDivide');
  await moveTo(page, 'start-session');
  await page.keyboard.press('Numpad5');
  await moveTo(page, 'topic', '[data-topic="ausweise-und-paesse"]');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="info-topic"]')).toBeVisible();
  await expect.poll(async () => (await said(page)).some((s) => s.text === 'Ausweise und Pässe')).toBe(true);
  await moveTo(page, 'service', '[data-service="personalausweis-ab-16"]');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="info-service"] h1')).toHaveText('Personalausweis für Person ab 16 Jahren');
  // The way in words is what a blind visitor hears.
  await moveTo(page, 'show-way');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-screen="info-wayfinding"] [data-mark="target"]')).toBeVisible();
  // The heading is read as the way appears (after the screen is drawn, so after the plan shows);
  // then "repeat" reads the way again: the heading and the directions in words.
  await expect.poll(() => lastSaid(page)).toBe('Weg zu Raum E.02');
  await page.keyboard.press('r');
  await expect.poll(() => lastSaid(page)).toMatch(/^Weg zu Raum E\.02\. .*Raum E\.02 ist die erste Tür links/);
  await page.keyboard.press('NumpadDecimal');
  await expect(page.locator('[data-screen="info-service"]')).toBeVisible();
  await moveTo(page, 'print-slip');
  await page.keyboard.press('Numpad5');
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  expect(printedText(dataDir)).toContain('Personalausweis für Person ab 16 Jahren');
});

test('information terminal with a keyboard: type a search, open the result, print the slip', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-keypad.json') });
  const { page, dataDir } = kiosk;
  await moveTo(page, 'start-session', undefined, 'Tab');
  await page.keyboard.press('Enter');
  await moveTo(page, 'open-search', undefined, 'Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="info-search"]')).toBeVisible();
  await moveTo(page, 'search', '#service-search', 'Tab');
  await page.keyboard.type('perso');
  await expect(page.locator('[data-screen="info-search"] [data-service]').first()).toBeVisible();
  await moveTo(page, 'service', '[data-service="personalausweis-ab-16"]', 'Tab');
  await page.keyboard.press('Enter');
  await moveTo(page, 'print-slip', undefined, 'Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  expect(printedText(dataDir)).toContain('Personalausweis für Person ab 16 Jahren');
  // Escape goes back to the results, and what was typed is still there.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-screen="info-search"]')).toBeVisible();
  await expect(page.locator('#service-search')).toHaveValue('perso');
});

test('workstation with a keyboard only: open a tile, fill a field of the portal, leave the page with Escape, end the session', async () => {
  const portal = await startTestPortal();
  try {
    kiosk = await launchKiosk({ config: workstationConfig(portal, { name: 'keys' }).config });
    const { page } = kiosk;
    await moveTo(page, 'start-session', undefined, 'Tab');
    await page.keyboard.press('Enter');
    await moveTo(page, 'tile', '[data-tile="testportal"]', 'Tab');
    await page.keyboard.press('Enter');
    await waitForFrame(page);
    const site = await portalPage(page, portal.origin);
    const inPortal = (selector: string): Promise<boolean> => site.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    /** Tab, forwarded to the page, until `selector` has the page's focus; each Tab waits for the page to move. */
    const tabInPortalTo = async (selector: string): Promise<void> => {
      const activeText = (): Promise<string> => site.evaluate(() => document.activeElement?.outerHTML ?? '');
      for (let i = 0; i < 10 && !(await inPortal(selector)); i += 1) {
        const before = await activeText();
        await page.keyboard.press('Tab');
        await expect.poll(activeText).not.toBe(before);
      }
      expect(await inPortal(selector), `${selector} has the page's focus`).toBe(true);
    };

    // Tab reaches the page; from there the keys are the page's.
    await moveTo(page, 'portal view', '[data-portal-view]', 'Tab');
    await tabInPortalTo('#form-link');
    await page.keyboard.press('Enter');
    await expect(site).toHaveURL(/\/form$/);
    await tabInPortalTo('#name');
    // Key by key, as a German keyboard sends them (Playwright's type() inserts ö without a key event).
    const keys = await page.context().newCDPSession(page);
    for (const character of 'Jörg Ünal') {
      await keys.send('Input.dispatchKeyEvent', { type: 'keyDown', key: character, text: character, unmodifiedText: character });
      await keys.send('Input.dispatchKeyEvent', { type: 'keyUp', key: character });
    }
    await keys.detach();
    await expect(site.locator('#name')).toHaveValue('Jörg Ünal');
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-kind', 'text');

    // Escape leaves the page for the toolbar; the kiosk's keys work again.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('portal-services');
    await moveTo(page, 'end-session', undefined, 'Tab');
    await page.keyboard.press('Enter');
    await waitForReset(page);
    expect(openPortalPages(page)).toEqual([]);
  } finally {
    await portal.close();
  }
});
