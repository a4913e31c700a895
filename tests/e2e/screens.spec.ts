import { expect, test } from '@playwright/test';
import { launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { defaultConfig, startSession } from './support/screenVisitors';

/** Right-to-left layout of Arabic and Persian, measured (the screen matrix is in screens-*.spec.ts). */
let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

for (const language of ['ar', 'fa'] as const) {
  test(`${language}: the layout is mirrored (right to left)`, async () => {
    kiosk = await launchKiosk({ config: defaultConfig(language) });
    const { page } = kiosk;
    await startSession(page, language);
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
