import type { RunningKiosk } from './kioskProcess';
import { launchKiosk } from './kioskProcess';

/**
 * Kiosks shared by the tests of a file that run one after another in one worker (the screen matrix
 * with its keyboard walk, the session tests): the tests go from screen to screen in one page visit
 * of a kiosk per config. Between two tests the session is ended, as a citizen's end would, which leaves nothing of
 * it (tested on its own); the next test starts from the farewell, or from attract. The page is
 * loaded anew only when something the end does not close is still open (the privacy notice opened
 * from attract), which costs a page load and axe's start again.
 */
export interface SharedKiosk {
  /**
   * The kiosk for `config`, a running one or a new one, on attract or a farewell; with
   * `onAttract`, on the attract screen itself (a farewell is left by loading the page anew).
   */
  kioskFor(config: string, options?: { readonly onAttract?: boolean }): Promise<RunningKiosk>;
  /** Closes every kiosk (the file's afterAll). */
  close(): Promise<void>;
}

/** The screens a visit may start from. */
const anyStartScreen = '[data-screen="attract"], [data-screen="end-of-session"]';

/**
 * How many kiosks stay running: the matrix goes through a config per language and two it shares
 * between languages (short idle time, workstation); the longest unused one is closed.
 */
const keptKiosks = 3;

/** Back to a start: end the session (if one runs) and wait for the farewell or attract (`startScreens`). */
async function freshStart(kiosk: RunningKiosk, startScreens: string): Promise<void> {
  const { page } = kiosk;
  await page.evaluate(() => window.kiosk?.invoke('session.end', {}));
  await page.locator('.kiosk[data-session-state="attract"]').waitFor();
  const onlyStart = await page.evaluate((selector) => {
    const shown = [...document.querySelectorAll('[data-screen]')];
    return shown.length > 0 && shown.every((element) => element.matches(selector));
  }, startScreens);
  if (onlyStart) return;
  await page.reload();
  await page.locator('[data-screen="attract"]').waitFor();
}

export function sharedKiosk(): SharedKiosk {
  /** The running kiosks by config, the most recently used last. */
  const running = new Map<string, RunningKiosk>();
  const closeOne = async (config: string): Promise<void> => {
    const kiosk = running.get(config);
    running.delete(config);
    await kiosk?.close();
  };
  return {
    async close() {
      await Promise.all([...running.keys()].map(closeOne));
    },
    async kioskFor(config, options = {}) {
      const kiosk = running.get(config);
      if (kiosk !== undefined) {
        running.delete(config);
        try {
          await freshStart(kiosk, options.onAttract === true ? '[data-screen="attract"]' : anyStartScreen);
        } catch (error) {
          // A kiosk that cannot be brought back to a start is not reused.
          await kiosk.close();
          throw error;
        }
        running.set(config, kiosk);
        return kiosk;
      }
      while (running.size >= keptKiosks) await closeOne(running.keys().next().value ?? '');
      const started = await launchKiosk({ config });
      running.set(config, started);
      return started;
    },
  };
}
