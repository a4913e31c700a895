import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screens, type ScreenId } from '../../renderer/src/screens/screenRegistry';
import { languageInfo, uiLanguages, type UiLanguage } from '../../shared/i18n/languages';
import { appRoot, fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';

/**
 * Every screen of the screen registry in every UI language: it must show up in the right language
 * and direction and pass axe-core's WCAG 2.2 A/AA rules; a screenshot is kept under
 * .cache/screenshots for people to look at. A screen added to the registry without a way to reach
 * it here fails the type check (the visitors are a Record over every ScreenId).
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

type Language = UiLanguage;
const configDir = mkdtempSync(join(tmpdir(), 'kiosk-screens-'));
const base = JSON.parse(readFileSync(fixtureConfig('info-short-idle.json'), 'utf8')) as { languages: { default: string } };
/** The short-idle test terminal with `language` as its default (attract and end follow it). */
const defaultConfig = (language: Language): string => {
  const file = join(configDir, `info-${language}.json`);
  writeFileSync(file, JSON.stringify({ ...base, languages: { ...base.languages, default: language } }));
  return file;
};

interface Visitor {
  readonly config: (language: Language) => string;
  /** Brings the kiosk to the screen, starting from attract. */
  readonly visit: (page: Page, language: Language) => Promise<void>;
}

const startSession = async (page: Page): Promise<void> => {
  await page.locator('[data-action="start-session"]').click();
};

const visitors: Record<ScreenId, Visitor> = {
  attract: { config: defaultConfig, visit: () => Promise.resolve() },
  'home-info': { config: defaultConfig, visit: startSession },
  'home-workstation': {
    config: () => join(appRoot, 'kiosk-config', 'workstation.json'),
    visit: async (page, language) => {
      await page.locator(`[data-screen="attract"] [data-language="${language}"]`).click();
    },
  },
  'idle-warning': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-screen="idle-warning"]').waitFor({ timeout: 10_000 });
    },
  },
  'end-of-session': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="end-session"]').click();
    },
  },
  'device-status': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="device-status"]').click();
    },
  },
  'language-menu': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="open-languages"]').click();
    },
  },
};

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

for (const id of Object.keys(screens) as ScreenId[]) {
  for (const language of uiLanguages) {
    test(`${id} in ${language}: shown, accessible, screenshot`, async () => {
      const visitor = visitors[id];
      kiosk = await launchKiosk({ config: visitor.config(language) });
      const { page } = kiosk;
      await visitor.visit(page, language);
      const screen = page.locator(`[data-screen="${id}"]`);
      await expect(screen).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('dir', languageInfo[language].dir);
      // Let entrance effects and the countdown settle before the picture.
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(shots, `${id}-${language}.png`) });
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

for (const language of ['ar', 'fa'] as const) {
  test(`${language}: the layout is mirrored (right to left)`, async () => {
    kiosk = await launchKiosk({ config: defaultConfig(language) });
    const { page } = kiosk;
    await startSession(page);
    const place = await page.locator('.top-bar__place').boundingBox();
    const end = await page.locator('[data-action="end-session"]').boundingBox();
    const heading = await page.locator('[data-screen="home-info"] h1').boundingBox();
    const width = await page.evaluate(() => window.innerWidth);
    const headingText = await page.locator('[data-screen="home-info"] h1').evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });
    if (!place || !end || !heading) throw new Error('layout not measurable');
    // The place name sits on the right, the end button on the left, the heading text starts at the right edge.
    expect(end.x).toBeLessThan(place.x);
    expect(place.x + place.width).toBeGreaterThan(width - 60);
    expect(headingText.right).toBeGreaterThan(width - 80);
    expect(headingText.left).toBeGreaterThan(width / 3);
  });
}
