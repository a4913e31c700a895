import { launchKiosk } from '#tests/e2e/support/kioskProcess';
import { searchQueries } from '#tests/unit/electron/core/content/search/searchQueries';

/**
 * Time to render search results in Chromium (budget p95 < 50 ms): on the information terminal's
 * search screen, each German and English query of the search table is typed letter by letter; each
 * keystroke is timed from the input event to the moment the results for that exact text are in the
 * page (IPC to the core, search over the whole catalogue, React render).
 */
export async function benchSearchRender(): Promise<number[]> {
  const kiosk = await launchKiosk();
  const { page } = kiosk;
  const times: number[] = [];
  try {
    await page.locator('[data-action="start-session"]').click();
    await page.locator('[data-action="open-search"]').click();
    await page.locator('#service-search').waitFor();
    const queries = searchQueries.filter((q) => q.language === 'de' || q.language === 'en').map((q) => q.query);
    for (const query of queries) {
      for (let length = 1; length <= query.length; length += 1) {
        const text = query.slice(0, length);
        if (text.trim() === '' || text !== text.trimEnd()) continue;
        times.push(
          await page.evaluate(async (value) => {
            const input = document.querySelector<HTMLInputElement>('#service-search');
            const results = document.querySelector('.search__results');
            // React only sees a change made through the prototype's setter (its own tracker sits on the element).
            // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this` below
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            if (!input || !results || !setValue) throw new Error('search screen not found');
            const done = (): boolean => results.getAttribute('data-results-for') === value.trim();
            const started = performance.now();
            const rendered = new Promise<void>((resolve) => {
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect();
                  resolve();
                }
              });
              observer.observe(results, { attributes: true, childList: true, subtree: true });
            });
            setValue.call(input, value);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await rendered;
            return performance.now() - started;
          }, text),
        );
      }
    }
  } finally {
    await kiosk.close();
  }
  return times;
}
