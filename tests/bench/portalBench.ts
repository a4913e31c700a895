import { launchKiosk } from '#tests/e2e/support/kioskProcess';
import { workstationConfig } from '#tests/e2e/support/workstation';
import { startTestPortal } from '#tests/support/testPortal';

/**
 * The self-service workstation on the Chromium host against the local test portal:
 *   - open: a tap on a tile → the first picture of the portal page drawn under the toolbar
 *     (a fresh browser context, the page loaded, streamed and decoded);
 *   - end: "end" pressed with a portal open → the attract screen, once the portal's context is
 *     closed, the clipboard emptied and every citizen store reset.
 * Both are measured inside the kiosk page, from the tap (or the end call) to the moment it is on screen.
 */
export async function benchPortal(runs: number): Promise<{ open: number[]; end: number[] }> {
  const portal = await startTestPortal();
  const kiosk = await launchKiosk({ config: workstationConfig(portal, { name: 'bench' }).config });
  const { page } = kiosk;
  const open: number[] = [];
  const end: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      await page.locator('[data-action="start-session"], [data-action="start-again"]').first().click();
      await page.locator('[data-tile="testportal"]:not([disabled])').waitFor();
      open.push(
        await page.evaluate(async () => {
          const tile = document.querySelector<HTMLButtonElement>('[data-tile="testportal"]');
          if (!tile) throw new Error('tile not found');
          const started = performance.now();
          const shown = new Promise<void>((resolve) => {
            // The page's picture is a canvas, shown once the first frame is drawn on it; shown means painted: the next frame.
            const check = (): void => {
              if (document.querySelector('.portal-surface__frame:not([hidden])') === null) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                resolve();
              });
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { attributes: true, attributeFilter: ['hidden'], childList: true, subtree: true });
          });
          tile.click();
          await shown;
          return performance.now() - started;
        }),
      );
      end.push(
        await page.evaluate(async () => {
          const root = document.querySelector('.kiosk');
          if (!root || !window.kiosk) throw new Error('kiosk UI not found');
          const started = performance.now();
          const finished = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (root.getAttribute('data-session-state') === 'attract' && document.querySelector('.portal-surface') === null) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(document.documentElement, { attributes: true, childList: true, subtree: true });
          });
          await window.kiosk.invoke('session.end', {});
          return finished;
        }),
      );
    }
  } finally {
    await kiosk.close();
    await portal.close();
  }
  return { open, end };
}
