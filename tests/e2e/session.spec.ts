import { expect, test } from '@playwright/test';
import { appRoot, chooseLanguageInMenu, fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { sharedKiosk } from './support/sharedKiosk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

// Tests that begin on attract and leave nothing a session's end does not clear share a kiosk per
// config (per worker); the crash test and the workstation start their own.
const kiosks = sharedKiosk();
test.afterAll(() => kiosks.close());
const defaultKiosk = (): Promise<RunningKiosk> => kiosks.kioskFor(join(appRoot, 'kiosk-config', 'default.json'), { onAttract: true });
const shortIdleKiosk = (): Promise<RunningKiosk> => kiosks.kioskFor(fixtureConfig('info-short-idle.json'), { onAttract: true });

test('info terminal: tap on attract opens home; language switch; end resets everything', async () => {
  const { page } = await defaultKiosk();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  await expect(page.locator('.kiosk')).toHaveAttribute('data-session-state', 'attract');

  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Informationsterminal');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await chooseLanguageInMenu(page, 'en');
  await expect(page.locator('h1')).toHaveText('Information terminal');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('[data-action="open-languages"]').click();
  await expect(page.locator('[data-screen="language-menu"] [data-language="en"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-action="close-languages"]').click();

  await page.locator('[data-action="end-session"]').click();
  await expect(page.locator('[data-screen="end-of-session"]')).toBeVisible();
  await expect(page.locator('[data-screen="end-of-session"]')).toHaveAttribute('data-reason', 'end');
  // The citizen's language choice is gone with the session.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('h1')).toHaveText('Vielen Dank!');
  await expect(page.locator('.kiosk')).toHaveAttribute('data-session-state', 'attract');

  // A new session starts from the end screen, in German again.
  await page.locator('[data-action="start-again"]').click();
  await expect(page.locator('[data-screen="home-info"] h1')).toHaveText('Informationsterminal');
});

test('workstation role shows its own home: the tiles of its config', async () => {
  kiosk = await launchKiosk({ config: join(appRoot, 'kiosk-config', 'workstation.json') });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-workstation"] h1')).toHaveText('Online-Dienste');
  const config = JSON.parse(readFileSync(join(appRoot, 'kiosk-config', 'workstation.json'), 'utf8')) as {
    portal: { tiles: { id: string; label: { de: string } }[] };
  };
  const tiles = page.locator('[data-screen="home-workstation"] [data-tile]');
  await expect(tiles).toHaveText(config.portal.tiles.map((tile) => tile.label.de));
  expect(await tiles.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-tile')))).toEqual(config.portal.tiles.map((tile) => tile.id));
});

test('choosing a language on attract starts the session in that language', async () => {
  const { page } = await defaultKiosk();
  await page.locator('[data-screen="attract"] [data-language="en"]').click();
  await expect(page.locator('[data-screen="home-info"] h1')).toHaveText('Information terminal');
});

test('idle: warning with countdown, then reset to attract with everything wiped', async () => {
  const { page } = await shortIdleKiosk();
  await page.locator('[data-action="start-session"]').click();
  await chooseLanguageInMenu(page, 'en');
  const warning = page.locator('[data-screen="idle-warning"]');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning.locator('h2')).toHaveText('Are you still there?');
  const countdown = Number(await warning.locator('[data-countdown]').getAttribute('data-countdown'));
  expect(countdown).toBeGreaterThan(10);
  expect(countdown).toBeLessThanOrEqual(20);
  await expect(page.locator('[data-screen="end-of-session"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-screen="end-of-session"]')).toHaveAttribute('data-reason', 'idle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // After the goodbye the attract loop returns on its own.
  await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 15_000 });
});

test('"more time" keeps the session, again and again; "end now" ends it', async () => {
  const { page } = await shortIdleKiosk();
  await page.locator('[data-action="start-session"]').click();
  await chooseLanguageInMenu(page, 'en');
  const warning = page.locator('[data-screen="idle-warning"]');
  for (let round = 0; round < 3; round += 1) {
    await expect(warning).toBeVisible({ timeout: 10_000 });
    await warning.locator('[data-action="more-time"]').click();
    await expect(warning).toBeHidden();
    await expect(page.locator('[data-screen="home-info"] h1')).toHaveText('Information terminal');
  }
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await warning.locator('[data-action="end-now"]').click();
  await expect(page.locator('[data-screen="end-of-session"]')).toHaveAttribute('data-reason', 'end');
});

test('touch or keys during a session postpone the idle warning', async () => {
  const { page } = await shortIdleKiosk();
  await page.locator('[data-action="start-session"]').click();
  // Keep touching for longer than the idle timeout (3 s): no warning may appear.
  for (let i = 0; i < 5; i += 1) {
    await page.waitForTimeout(1200);
    await page.locator('[data-screen="home-info"] h1').click();
    await expect(page.locator('[data-screen="idle-warning"]')).toHaveCount(0);
  }
  await expect(page.locator('[data-screen="idle-warning"]')).toBeVisible({ timeout: 10_000 });
});

test('a crashed UI is replaced by a fresh page and the session it showed is reset', async () => {
  kiosk = await launchKiosk();
  const { page, browser } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await chooseLanguageInMenu(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const freshPages = () =>
    browser
      .contexts()
      .flatMap((context) => context.pages())
      .filter((p) => p !== page && !p.isClosed() && p.url().startsWith(kiosk?.url ?? '-'));
  const cdp = await page.context().newCDPSession(page);
  // The crash never answers; do not wait for it.
  void cdp.send('Page.crash').catch(() => undefined);
  await expect
    .poll(
      // A fresh kiosk page: on the kiosk's address (the host keeps pages of its own beside it).
      () => freshPages().length,
      { timeout: 20_000 },
    )
    .toBe(1);
  const [fresh] = freshPages();
  if (!fresh) throw new Error('no fresh kiosk page');
  await expect(fresh.locator('[data-screen="end-of-session"]')).toHaveAttribute('data-reason', 'trigger', { timeout: 20_000 });
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'de');
  await fresh.locator('[data-action="start-again"]').click();
  await expect(fresh.locator('[data-screen="home-info"] h1')).toHaveText('Informationsterminal');
});

test('the language can be changed during the idle warning', async () => {
  const { page } = await shortIdleKiosk();
  await page.locator('[data-action="start-session"]').click();
  const warning = page.locator('[data-screen="idle-warning"]');
  await expect(warning.locator('h2')).toHaveText('Sind Sie noch da?', { timeout: 10_000 });
  await warning.locator('[data-language="en"]').click();
  await expect(warning.locator('h2')).toHaveText('Are you still there?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
