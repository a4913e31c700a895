import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screens, type ScreenId } from '../../renderer/src/screens/screenRegistry';
import { appRoot, fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';

/**
 * Every screen of the screen registry, in German and English: it must show up in the right
 * language and pass axe-core's WCAG 2.2 A/AA rules; a screenshot is kept under .cache/screenshots
 * for people to look at. A screen added to the registry without a way to reach it here fails the
 * type check (the visitors are a Record over every ScreenId).
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

type Language = 'de' | 'en';
const defaultConfig: Record<Language, string> = { de: fixtureConfig('info-short-idle.json'), en: fixtureConfig('info-short-idle-en.json') };

interface Visitor {
  readonly config: (language: Language) => string;
  /** Brings the kiosk to the screen, starting from attract. */
  readonly visit: (page: Page, language: Language) => Promise<void>;
}

const startSession = async (page: Page): Promise<void> => {
  await page.locator('[data-action="start-session"]').click();
};

const visitors: Record<ScreenId, Visitor> = {
  attract: { config: (l) => defaultConfig[l], visit: () => Promise.resolve() },
  'home-info': { config: (l) => defaultConfig[l], visit: startSession },
  'home-workstation': {
    config: () => join(appRoot, 'kiosk-config', 'workstation.json'),
    visit: async (page, language) => {
      await page.locator(`[data-screen="attract"] [data-language="${language}"]`).click();
    },
  },
  'idle-warning': {
    config: (l) => defaultConfig[l],
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-screen="idle-warning"]').waitFor({ timeout: 10_000 });
    },
  },
  'end-of-session': {
    config: (l) => defaultConfig[l],
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="end-session"]').click();
    },
  },
  'device-status': {
    config: (l) => defaultConfig[l],
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="device-status"]').click();
    },
  },
};

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

for (const id of Object.keys(screens) as ScreenId[]) {
  for (const language of ['de', 'en'] as const) {
    test(`${id} in ${language}: shown, accessible, screenshot`, async () => {
      const visitor = visitors[id];
      kiosk = await launchKiosk({ config: visitor.config(language) });
      const { page } = kiosk;
      await visitor.visit(page, language);
      const screen = page.locator(`[data-screen="${id}"]`);
      await expect(screen).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // Let entrance effects and the countdown settle before the picture.
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(shots, `${id}-${language}.png`) });
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
