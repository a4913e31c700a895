import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screens, type ScreenId } from '../../renderer/src/screens/screenRegistry';
import { languageInfo, uiLanguages } from '../../shared/i18n/languages';
import { appRoot, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { defaultConfig, startSession, visitors } from './support/screenVisitors';

/**
 * Every screen of the screen registry in every UI language: it must show up in the right language
 * and direction and pass axe-core's WCAG 2.2 A/AA rules; a screenshot is kept under
 * .cache/screenshots for people to look at. A screen added to the registry without a way to reach
 * it here fails the type check (the visitors are a Record over every ScreenId).
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

/** High contrast and 200 % text, each on its own and back to normal in between. */
const displayModes: readonly (readonly [string, Record<string, string>])[] = [
  ['high-contrast', { contrast: 'high', textSize: '100' }],
  ['text-200', { contrast: 'normal', textSize: '200' }],
];

async function expectNoAxeViolations(page: Page, mode: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${mode}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every visible interactive element smaller than 44×44 CSS px (WCAG 2.5.8 and DESIGN.md §6). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.checkVisibility() && !element.closest('[inert]'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} (${String(Math.round(box.width))}×${String(Math.round(box.height))})`);
  });
}

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
      await expectNoAxeViolations(page, 'normal');
      expect(await smallTargets(page), 'interactive elements smaller than 44×44 CSS px').toEqual([]);
      // The same screen in the display modes of the accessibility panel (the style sheet keys on these).
      for (const [mode, attributes] of displayModes) {
        await page.evaluate((attrs) => {
          Object.assign(document.documentElement.dataset, attrs);
        }, attributes);
        await page.waitForTimeout(100);
        await expect(screen, `${mode}: still on the screen`).toBeVisible();
        if (id !== 'idle-warning') await expect(page.locator('[data-screen="idle-warning"]'), `${mode}: nothing over the screen`).toHaveCount(0);
        await page.screenshot({ path: join(shots, `${id}-${language}-${mode}.png`) });
        await expectNoAxeViolations(page, mode);
      }
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
