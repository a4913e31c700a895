import { expect, test } from '@playwright/test';
import { launchKiosk, type RunningKiosk } from './support/kioskProcess';

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

test('display settings apply at once and are back to the defaults after the session', async () => {
  kiosk = await launchKiosk();
  const { page } = kiosk;
  const html = page.locator('html');
  await page.locator('[data-screen="attract"] [data-action="open-accessibility"]').click();
  const panel = page.locator('[data-screen="accessibility"]');
  await panel.locator('[data-setting="textSize"] [data-value="200"]').click();
  await panel.locator('[data-setting="contrast"] [data-value="high"]').click();
  await panel.locator('[data-setting="reach"] [data-value="low"]').click();
  await panel.locator('[data-setting="motion"] [data-value="reduced"]').click();
  await expect(panel.locator('[data-setting="contrast"] [data-value="high"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-text-size', '200');
  await expect(html).toHaveAttribute('data-contrast', 'high');
  await expect(html).toHaveAttribute('data-reach', 'low');
  await expect(html).toHaveAttribute('data-motion', 'reduced');
  // 200 % really is twice the size.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('48px');
  await panel.locator('[data-action="close-accessibility"]').click();

  // The settings stay for the whole session…
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-contrast', 'high');
  // …with every control in the lower part of the screen in the low-reach layout.
  const viewportHeight = await page.evaluate(() => window.innerHeight);
  for (const action of ['end-session', 'open-languages', 'open-accessibility']) {
    const box = await page.locator(`.top-bar [data-action="${action}"]`).boundingBox();
    expect(box?.y ?? 0, action).toBeGreaterThan(viewportHeight / 2);
  }

  // …and are gone with it.
  await page.locator('[data-action="end-session"]').click();
  await expect(page.locator('[data-screen="end-of-session"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-text-size', '100');
  await expect(html).toHaveAttribute('data-contrast', 'normal');
  await expect(html).toHaveAttribute('data-reach', 'normal');
  await expect(html).toHaveAttribute('data-motion', 'normal');
});
