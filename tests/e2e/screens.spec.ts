import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appRoot, fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';

/**
 * Every screen of both roles in German and English: each must render in the right language, pass
 * axe-core's WCAG 2.2 A/AA rules, and a screenshot is kept under .cache/screenshots for people to
 * look at. (The full accessibility matrix over all languages and display modes builds on this.)
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const texts = {
  de: { config: 'info-short-idle.json', start: 'Bitte hier berühren, um zu beginnen', info: 'Informationsterminal', workstation: 'Selbstbedienungs-Arbeitsplatz', idle: 'Sind Sie noch da?', end: 'Vielen Dank!' },
  en: { config: 'info-short-idle-en.json', start: 'Touch here to start', info: 'Information terminal', workstation: 'Self-service workstation', idle: 'Are you still there?', end: 'Thank you!' },
} as const;

for (const language of ['de', 'en'] as const) {
  const text = texts[language];

  test(`info terminal: attract, home, idle warning, end of session in ${language}`, async () => {
    // The terminal's default language decides attract and end; the test config sets it.
    kiosk = await launchKiosk({ config: fixtureConfig(text.config) });
    const { page } = kiosk;
    await expect(page.locator('[data-screen="attract"] .attract__cta')).toHaveText(text.start);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await shoot(page, `attract-${language}`);
    await page.locator('[data-action="start-session"]').click();
    await expect(page.locator('[data-screen="home-info"] h1')).toHaveText(text.info);
    await shoot(page, `home-info-${language}`);
    await expect(page.locator('[data-screen="idle-warning"] h2')).toHaveText(text.idle, { timeout: 10_000 });
    await shoot(page, `idle-warning-${language}`);
    await page.locator('[data-action="end-now"]').click();
    await expect(page.locator('[data-screen="end-of-session"] h1')).toHaveText(text.end);
    await shoot(page, `end-of-session-${language}`);
  });

  test(`workstation: home in ${language}`, async () => {
    kiosk = await launchKiosk({ config: join(appRoot, 'kiosk-config', 'workstation.json') });
    const { page } = kiosk;
    await page.locator(`[data-screen="attract"] [data-language="${language}"]`).click();
    await expect(page.locator('[data-screen="home-workstation"] h1')).toHaveText(text.workstation);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await shoot(page, `home-workstation-${language}`);
  });
}
