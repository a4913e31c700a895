import type { Browser } from 'playwright-core';

/**
 * Emptying a headless browser's clipboards at a session reset (README.md, "Privacy").
 *
 * A browser keeps two: the clipboard (Ctrl+C / Ctrl+V) and, on Linux, the selection buffer that a
 * middle-click pastes (X11 PRIMARY). A page may write the clipboard but cannot touch the selection
 * buffer: Chromium fills it only from a selection a user made. So a throwaway page, never shown,
 * empties the clipboard and then "double-clicks" a neutral word through the browser's input, which
 * counts as the user's selection and replaces whatever a citizen had selected in a portal page.
 */

/** A made-up https origin for the throwaway page: secure (the clipboard needs that) and never on the network. */
const clipboardOrigin = 'https://clipboard.kiosk.invalid';
const neutralWord = 'Kiosk';
const page = `<!doctype html><meta charset="utf-8"><p id="word" style="font: 48px sans-serif; margin: 40px">${neutralWord}</p>`;

/** Empties `browser`'s clipboard and replaces its selection buffer with a neutral word; rejects when the browser cannot. */
export async function clearHeadlessClipboard(browser: Browser): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
  try {
    await context.route('**/*', (route) => {
      void route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: clipboardOrigin });
    const tab = await context.newPage();
    await tab.goto(`${clipboardOrigin}/`);
    // Runs in the page, where navigator has the clipboard (Node's types do not know it).
    await tab.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(''),
    );
    await tab.locator('#word').dblclick();
  } finally {
    await context.close().catch(() => undefined);
  }
}
