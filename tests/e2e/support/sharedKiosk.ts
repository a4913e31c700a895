import type { RunningKiosk } from './kioskProcess';
import { launchKiosk } from './kioskProcess';

/**
 * One kiosk per config for the tests of a file that run one after another in one worker (the
 * screen matrix, the keyboard walk): between two tests the session is ended and the page loaded
 * anew, which is as clean as a new kiosk (nothing of a session survives its end; that is tested on
 * its own) and saves starting a browser for every screen.
 */
export interface SharedKiosk {
  /**
   * The kiosk for `config` on a fresh attract screen: the running one, or a new one. `leavesState`:
   * the test leaves state in the kiosk's core that a reload does not undo, so the kiosk is not used again.
   */
  kioskFor(config: string, leavesState?: boolean): Promise<RunningKiosk>;
  /** Closes the kiosk (the file's afterAll). */
  close(): Promise<void>;
}

/** Back to a fresh attract screen: end the session and load the page anew. */
async function freshAttract(kiosk: RunningKiosk): Promise<void> {
  const { page } = kiosk;
  await page.evaluate(() => window.kiosk?.invoke('session.end', {}));
  await page.locator('.kiosk[data-session-state="attract"]').waitFor();
  await page.reload();
  await page.locator('[data-screen="attract"]').waitFor();
}

export function sharedKiosk(): SharedKiosk {
  let shared: { config: string; kiosk: RunningKiosk; spent: boolean } | null = null;
  const close = async (): Promise<void> => {
    const running = shared;
    shared = null;
    await running?.kiosk.close();
  };
  return {
    close,
    async kioskFor(config, leavesState = false) {
      try {
        if (shared?.config === config && !shared.spent) {
          await freshAttract(shared.kiosk);
          shared.spent = leavesState;
          return shared.kiosk;
        }
        await close();
        const kiosk = await launchKiosk({ config });
        shared = { config, kiosk, spent: leavesState };
        return kiosk;
      } catch (error) {
        // A kiosk that cannot be reset is not reused.
        await close();
        throw error;
      }
    },
  };
}
