import { expect, type Page } from '@playwright/test';
import type { ScreenId } from '#renderer/screens/screenRegistry';

/**
 * Operation without sight or touch (docs/architecture.md, "Accessibility and languages", EN 301 549 §5.1.3): on every screen of the
 * registry, Tab reaches every control, in reading order (mirrored right to left), with a visible
 * focus, and never gets stuck; the arrow keys move the same way. The screen matrix walks every
 * screen in one language per reading direction (screenMatrix.ts).
 */

interface Stop {
  readonly index: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly outline: string;
  /** In a fixed layer (the staff indicator in the corner): outside the page's reading flow. */
  readonly fixed: boolean;
}

/** Numbers every control the keyboard should reach (inside the open dialog, if any). */
async function markControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector =
      'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    // Marks of an earlier screen of the same page visit go first.
    for (const marked of document.querySelectorAll<HTMLElement>('[data-kb]')) delete marked.dataset.kb;
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    const controls = [...scope.querySelectorAll<HTMLElement>(selector)].filter((e) => e.checkVisibility() && !e.closest('[inert]'));
    controls.forEach((element, index) => {
      element.dataset.kb = String(index);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
}

/** Where the focus is now: the control's number, its box and its focus outline. */
async function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element?.dataset.kb) return null;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    // Positions in the page, not the viewport: moving the focus scrolls long screens.
    let scrolled = 0;
    // The help bar is a fixed strip below the scrolling screen, outside the page's reading flow.
    let fixed = style.position === 'fixed' || element.closest('[data-help-bar]') !== null;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      scrolled += parent.scrollTop;
      if (getComputedStyle(parent).position === 'fixed') fixed = true;
    }
    return {
      index: Number(element.dataset.kb),
      left: box.left,
      right: box.right,
      top: box.top + scrolled,
      bottom: box.bottom + scrolled,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      fixed,
    };
  });
}

/**
 * One step of the walk: Tab. On the portal view, Tab would go into the portal page (that journey,
 * with Escape out, is keypad.spec.ts); the walk leaves the view by its keyboard exit instead, Escape
 * (back to the toolbar), and steps back with the arrow key, once per control after the view (the
 * help bar's), to reach the first control after the view; Tab then goes on from there.
 */
async function step(page: Page): Promise<void> {
  const after = await page.evaluate(() => {
    const view = document.activeElement;
    if (!view?.hasAttribute('data-portal-view')) return null;
    return [...document.querySelectorAll('[data-kb]')].filter((control) => view.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING).length;
  });
  if (after === null) {
    await page.keyboard.press('Tab');
    return;
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('portal-services');
  for (let press = 0; press < after; press += 1) await page.keyboard.press('ArrowUp');
}

/** Resolves once the page's DOM has not changed for 500 ms (at most 10 s). */
async function domSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 500);
        const deadline = setTimeout(done, 10_000);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 500);
        });
        function done(): void {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(deadline);
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
}

/** True when `b` comes after `a` in reading order: a later line, or further along the same line. */
function readsAfter(a: Stop, b: Stop, rtl: boolean): boolean {
  const sameLine = b.top < a.bottom - 4 && a.top < b.bottom - 4;
  if (!sameLine) return b.top >= a.top;
  return rtl ? b.right <= a.right + 1 : b.left >= a.left - 1;
}

/**
 * The walk on the screen `id` the kiosk shows now: Tab reaches every control once, in reading order
 * (mirrored when `rtl`), each with a visible focus, and moves on from the last; the arrow keys step
 * through the same controls.
 */
export async function expectKeyboardWalk(page: Page, id: ScreenId, rtl: boolean): Promise<void> {
  await page.locator(`[data-screen="${id}"]`).waitFor();
  // Events still arriving (e.g. the terminal's status after assist mode locks) may re-render the
  // screen; the controls are marked once it has settled, or the marks would be on old elements.
  await domSettled(page);
  const count = await markControls(page);
  expect(count).toBeGreaterThan(0);

  const stops: Stop[] = [];
  const budget = count + 2;
  for (let press = 0; press < budget && stops.length < count; press += 1) {
    await step(page);
    const stop = await focused(page);
    if (stop && !stops.some((s) => s.index === stop.index)) stops.push(stop);
  }
  expect(
    stops.map((s) => s.index).sort((a, b) => a - b),
    'every control reached',
  ).toEqual([...Array(count).keys()]);
  for (const stop of stops) expect(stop.outline, `focus visible on control ${String(stop.index)}`).not.toMatch(/^none|\b0px/);
  // Tab starts after the screen's heading (which has the focus first), so the walk is a rotation
  // of the page's order: read it from the first control on.
  const start = stops.findIndex((s) => s.index === 0);
  const walk = [...stops.slice(start), ...stops.slice(0, start)];
  for (let i = 1; i < walk.length; i += 1) {
    const [a, b] = [walk[i - 1], walk[i]];
    if (a && b && !a.fixed && !b.fixed) expect(readsAfter(a, b, rtl), `control ${String(b.index)} follows ${String(a.index)} in reading order`).toBe(true);
  }

  // No trap: Tab keeps moving on from the last control.
  const before = await focused(page);
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toEqual(before);

  // The arrow keys step through the same controls (a tactile keypad sends them).
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-kb="0"]')?.focus());
  await page.keyboard.press('ArrowDown');
  expect((await focused(page))?.index).toBe(count > 1 ? 1 : 0);
  await page.keyboard.press('ArrowUp');
  expect((await focused(page))?.index).toBe(0);
  await backToPointer(page);
}

/**
 * After the walk the browser thinks a keyboard user is here and rings the next screen's heading
 * when it takes the focus. A tap on the heading (not a control) is a pointer user again, as the
 * next screen's picture should show.
 */
async function backToPointer(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const heading = document.querySelector('[data-screen] h1');
    if (!heading) return null;
    const box = heading.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === heading || heading.contains(hit)) ? { x, y } : null;
  });
  if (point !== null) await page.mouse.click(point.x, point.y);
}
