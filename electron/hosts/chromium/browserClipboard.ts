import type { Browser, Page } from 'playwright-core';

/**
 * Emptying a headless browser's clipboards at a session reset (README.md, "Privacy").
 *
 * A browser keeps two: the clipboard (Ctrl+C / Ctrl+V) and, on Linux, the selection buffer that a
 * middle-click pastes (X11 PRIMARY). A page may write the clipboard but cannot touch the selection
 * buffer: Chromium fills it only from a selection a user made. So a page of the kiosk's own, never
 * shown and in a context of its own, empties the clipboard and then "double-clicks" a neutral word
 * through the browser's input, which counts as the user's selection and replaces whatever a citizen
 * had selected in a portal page. The page is made once and kept (it holds nothing but that word),
 * because every reset waits for this.
 */

/** A made-up https origin for the page: secure (the clipboard needs that) and never on the network. */
export const clipboardOrigin = 'https://clipboard.kiosk.invalid';
const neutralWord = 'Kiosk';
const pageHtml = `<!doctype html><meta charset="utf-8"><p id="word" style="position: absolute; left: 0; top: 0; margin: 0; font: 48px/60px sans-serif">${neutralWord}</p>`;
/** A point inside the word (it starts at the page's top left corner, 60 px high). */
const wordX = 30;
const wordY = 30;

export class HeadlessClipboard {
  #page: Promise<Page> | null = null;

  constructor(private readonly browser: Browser) {}

  /** Opens the page ahead of the first reset (making it is most of the work); a failure is tried again at the next clear. */
  async prepare(): Promise<void> {
    try {
      await this.#openPage();
    } catch {
      this.#page = null;
    }
  }

  /** Empties the browser's clipboard and replaces its selection buffer with a neutral word; rejects when the browser cannot. */
  async clear(): Promise<void> {
    try {
      await this.#clearWith(await this.#openPage());
    } catch {
      // The page went away (a crash, a closed context): once more with a new one.
      this.#page = null;
      await this.#clearWith(await this.#openPage());
    }
  }

  async #clearWith(page: Page): Promise<void> {
    // Runs in the page, where navigator has the clipboard (Node's types do not know it).
    await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(''),
    );
    // Straight to the browser's input at the word's place: no waiting for the page to paint first,
    // which a page in the background does only now and then.
    await page.mouse.dblclick(wordX, wordY);
  }

  #openPage(): Promise<Page> {
    this.#page ??= (async () => {
      const context = await this.browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
      await context.route('**/*', (route) => {
        void route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml });
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: clipboardOrigin });
      const page = await context.newPage();
      await page.goto(`${clipboardOrigin}/`);
      return page;
    })();
    return this.#page;
  }
}
