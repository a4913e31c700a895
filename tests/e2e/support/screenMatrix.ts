import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import axe, { type RunOptions } from 'axe-core';
import { isStaffScreen, screens, type ScreenId } from '#renderer/screens/screenRegistry';
import { languageInfo, type UiLanguage } from '#shared/i18n/languages';
import { expectKeyboardWalk } from './keyboardWalk';
import { appRoot } from './kioskProcess';
import { sharedKiosk } from './sharedKiosk';
import { visitOrder, visitors } from './screenVisitors';

/**
 * Every screen of the screen registry in the given UI languages: it must show up in the right
 * language and direction, pass axe-core's WCAG 2.2 A/AA rules in the normal, high-contrast and
 * 200 % text modes, and have no target under 44×44 px. In one language per reading direction
 * (German, Arabic) the keyboard walk follows on the same screen (keyboardWalk.ts), and the
 * screenshots for people to look at are kept under .cache/screenshots; German also in each display
 * mode (the other languages are checked in those modes, not pictured). KIOSK_SCREENSHOTS=all
 * pictures every language in every mode. A screen added to the registry without a way to
 * reach it fails the type check (the visitors are a Record over every ScreenId).
 * The screens that share a config go one after another in one page visit of one kiosk
 * (sharedKiosk.ts): no kiosk start, page load or axe start between them. Only attract, the privacy
 * notice opened there and the farewell need a kiosk of the language's own; every other screen is
 * reached as a citizen would, choosing the language on attract.
 */
const shots = join(appRoot, '.cache', 'screenshots');
mkdirSync(shots, { recursive: true });

/** One language per reading direction: staff screens, the keyboard walk and the screenshots are checked in these. */
const perDirection: readonly UiLanguage[] = ['de', 'ar'];

/** The languages screenshots are kept in: one per direction, or every language when asked for. */
const pictured = (language: UiLanguage): boolean => process.env.KIOSK_SCREENSHOTS === 'all' || perDirection.includes(language);

/** The languages pictured in each display mode too: German, or every language when asked for. */
const picturedInModes = (language: UiLanguage): boolean => process.env.KIOSK_SCREENSHOTS === 'all' || language === 'de';

/** High contrast and 200 % text, each on its own and back to normal in between. */
const displayModes: readonly (readonly [string, Record<string, string>])[] = [
  ['high-contrast', { contrast: 'high', textSize: '100' }],
  ['text-200', { contrast: 'normal', textSize: '200' }],
];

const axeOptions: RunOptions = {
  // Only violations are read; asking for nothing else saves most of axe's time.
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
};

interface AxeViolation {
  readonly id: string;
  readonly targets: readonly string[];
}

/** Pages that load axe themselves at every load (init script): a kiosk's page gets it once. */
const axeAtLoad = new WeakSet<Page>();

/**
 * axe-core runs inside the kiosk page (its one frame: the portal is shown as a picture). Its source
 * goes in as an init script once per page, so the reload before each screen brings it along; only
 * the load that was already there gets it by hand. (The Playwright wrapper of axe instead sends
 * the whole source again on every run and opens an extra page for each result.)
 */
async function expectNoAxeViolations(page: Page, mode: string): Promise<void> {
  if (!axeAtLoad.has(page)) {
    axeAtLoad.add(page);
    await page.addInitScript(axe.source);
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations: readonly AxeViolation[] = await page.evaluate(async (options) => {
    const inPage = (window as unknown as { axe: typeof axe }).axe;
    const results = await inPage.run(document, options);
    return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, axeOptions);
  expect(violations.map((v) => `${mode}: ${v.id}: ${v.targets.join(', ')}`)).toEqual([]);
}

/**
 * Waits for the next frame and for the animations and transitions about to end (an entrance, a
 * colour fading to the new mode); ongoing ones (the idle countdown) do not hold the check up.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ending = document.getAnimations().filter((animation) => {
      const { endTime, localTime } = animation.effect?.getComputedTiming() ?? {};
      return typeof endTime === 'number' && typeof localTime === 'number' && endTime - localTime < 1000;
    });
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
  });
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

  for (const language of languages) {
    // Staff screens read the same in every citizen language: checked under one language per direction.
    const ids = (Object.keys(screens) as ScreenId[]).filter((screen) => !isStaffScreen(screen) || perDirection.includes(language));
    const walked = perDirection.includes(language);
    for (const id of visitOrder(ids, language)) {
      test(`${id} in ${language}: shown, accessible${walked ? ', by keyboard' : ''}${pictured(language) ? ', screenshot' : ''}`, async () => {
        const visitor = visitors[id];
        const { page } = await kiosks.kioskFor(visitor.config(language));
        await visitor.visit(page, language);
        const screen = page.locator(`[data-screen="${id}"]`);
        await expect(screen).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.locator('html')).toHaveAttribute('dir', languageInfo[language].dir);
        if (pictured(language)) {
          // Entrance effects done before the picture.
          await settled(page);
          await page.screenshot({ path: join(shots, `${id}-${language}.png`) });
        }
        await expectNoAxeViolations(page, 'normal');
        expect(await smallTargets(page), 'interactive elements smaller than 44×44 CSS px').toEqual([]);
        // The same screen in the display modes of the accessibility panel (the style sheet keys on
        // these), then back to the page's own: the next screen comes in the same page visit.
        const keys = [...new Set(displayModes.flatMap(([, attrs]) => Object.keys(attrs)))];
        const own = await page.evaluate((names) => names.map((name) => document.documentElement.dataset[name] ?? null), keys);
        for (const [mode, attributes] of displayModes) {
          await page.evaluate((attrs) => {
            Object.assign(document.documentElement.dataset, attrs);
          }, attributes);
          await settled(page);
          await expect(screen, `${mode}: still on the screen`).toBeVisible();
          if (id !== 'idle-warning') await expect(page.locator('[data-screen="idle-warning"]'), `${mode}: nothing over the screen`).toHaveCount(0);
          if (picturedInModes(language)) await page.screenshot({ path: join(shots, `${id}-${language}-${mode}.png`) });
          await expectNoAxeViolations(page, mode);
        }
        await page.evaluate(
          ([names, values]) => {
            const { dataset } = document.documentElement;
            names.forEach((name, index) => {
              const value = values[index];
              if (value === null || value === undefined) Reflect.deleteProperty(dataset, name);
              else dataset[name] = value;
            });
          },
          [keys, own] as const,
        );
        if (walked) await expectKeyboardWalk(page, id, languageInfo[language].dir === 'rtl');
        await visitor.leave?.(page);
      });
    }
  }
}
