import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { isStaffScreen, screens, type ScreenId } from '#renderer/screens/screenRegistry';
import { languageInfo, type UiLanguage } from '#shared/i18n/languages';
import { appRoot } from './kioskProcess';
import { sharedKiosk } from './sharedKiosk';
import { visitors } from './screenVisitors';

/**
 * Every screen of the screen registry in the given UI languages: it must show up in the right
 * language and direction, pass axe-core's WCAG 2.2 A/AA rules in the normal, high-contrast and
 * 200 % text modes, and have no target under 44×44 px; a screenshot of each is kept under
 * .cache/screenshots for people to look at. A screen added to the registry without a way to reach
 * it fails the type check (the visitors are a Record over every ScreenId).
 * One kiosk serves the screens that share a config (sharedKiosk.ts).
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

/** The citizen languages staff screens are checked under: one per direction. */
const staffScreenLanguages: readonly UiLanguage[] = ['de', 'ar'];

/** High contrast and 200 % text, each on its own and back to normal in between. */
const displayModes: readonly (readonly [string, Record<string, string>])[] = [
  ['high-contrast', { contrast: 'high', textSize: '100' }],
  ['text-200', { contrast: 'normal', textSize: '200' }],
];

const axeOptions: Parameters<AxeBuilder['options']>[0] = {
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
};

interface AxeViolation {
  readonly id: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

async function expectNoAxeViolations(page: Page, mode: string): Promise<void> {
  // Only violations are read; asking for nothing else saves most of axe's time.
  // (options() replaces the rule selection, so the tags go in here too.) The first run puts axe into
  // the page; the display modes change only styles, so they run that same axe again, which saves
  // injecting its source each time.
  const injected = await page.evaluate(() => 'axe' in window);
  const violations: readonly AxeViolation[] = injected
    ? await page.evaluate(async (options) => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
        const results = await axe.run(document, options);
        return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
      }, axeOptions)
    : (await new AxeBuilder({ page }).options(axeOptions).analyze()).violations;
  expect(violations.map((v) => `${mode}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every visible interactive element smaller than 44×44 CSS px (WCAG 2.5.8 and docs/architecture.md, "Accessibility and languages"). */
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

/** The matrix for `languages`: one test per screen and language, run in order in one worker. */
export function defineScreenMatrix(languages: readonly UiLanguage[]): void {
  test.describe.configure({ mode: 'default' });
  const kiosks = sharedKiosk();
  test.afterAll(() => kiosks.close());

  // Screens that share a config next to each other, so their kiosk is reused.
  const ids = (Object.keys(screens) as ScreenId[]).sort((a, b) => visitors[a].config('de').localeCompare(visitors[b].config('de')));
  for (const language of languages) {
    // Staff screens read the same in every citizen language: checked under one language per direction.
    for (const id of ids.filter((screen) => !isStaffScreen(screen) || staffScreenLanguages.includes(language))) {
      test(`${id} in ${language}: shown, accessible, screenshot`, async () => {
        const visitor = visitors[id];
        const { page } = await kiosks.kioskFor(visitor.config(language));
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
          // Pictures of the display modes in one language per direction (the checks run in all).
          if (language === 'de' || language === 'ar') await page.screenshot({ path: join(shots, `${id}-${language}-${mode}.png`) });
          await expectNoAxeViolations(page, mode);
        }
      });
    }
  }
}
