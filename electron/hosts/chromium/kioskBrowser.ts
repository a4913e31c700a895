import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, kioskWindowArgs } from './chromiumArgs';

/**
 * The browsers of the Chromium host (docs/architecture.md, "Two hosts, one core").
 *
 * Headless (tests, benches): one browser; the kiosk page lives in a browser context of its own and
 * the portal's contexts sit beside it, so a DevTools client sees them all.
 *
 * Headed (a terminal with a display): a browser context opened by Playwright is an ordinary browser
 * window with tabs and an address bar, whatever switches the browser got. So the kiosk page is the
 * browser's one app window instead (`--app`, in `--kiosk` mode: full screen, no browser UI, no
 * address bar to type a file:// address into), in a profile that lives only as long as that
 * window. The portal's pages never become windows: they run in a second, headless browser, whose
 * frames the kiosk page shows as it does headless.
 */

export interface KioskBrowserPlan {
  readonly headless: boolean;
  readonly executablePath: string;
  readonly cdpPort: number | undefined;
  readonly sandbox: boolean;
}

/** The kiosk page's context, as opened (again) by `openKioskContext`. */
export interface KioskContext {
  readonly context: BrowserContext;
  /** The app window's page, already open (headed); null when the page is still to be made (headless). */
  readonly page: Page | null;
  /** Closes the context (headed: the whole kiosk browser) and removes its profile. */
  close(): Promise<void>;
}

export interface KioskBrowsers {
  /** The browser the portal's contexts are made in. */
  readonly portalBrowser: Browser;
  /** Opens the kiosk page's context; headed, a new kiosk browser with its app window each time. */
  openKioskContext(): Promise<KioskContext>;
  /** Closes everything this launched. */
  close(): Promise<void>;
}

/** Options of the kiosk page's context (locale, no service workers, no downloads). */
const kioskContextOptions = { locale: 'de-DE', serviceWorkers: 'block', acceptDownloads: false } as const;

/** Starts the browsers for `plan`; throws when Chromium cannot be started. */
export async function launchKioskBrowsers(plan: KioskBrowserPlan): Promise<KioskBrowsers> {
  if (plan.headless) {
    const browser = await chromium.launch({
      executablePath: plan.executablePath,
      headless: true,
      args: chromiumArgs({ headless: true, cdpPort: plan.cdpPort, sandbox: plan.sandbox }),
    });
    return {
      portalBrowser: browser,
      async openKioskContext() {
        const context = await browser.newContext({ ...kioskContextOptions, viewport: { width: 1920, height: 1080 } });
        return { context, page: null, close: () => context.close().catch(() => undefined) };
      },
      close: () => browser.close().catch(() => undefined),
    };
  }
  const portalBrowser = await chromium.launch({
    executablePath: plan.executablePath,
    headless: true,
    args: chromiumArgs({ headless: true, cdpPort: undefined, sandbox: plan.sandbox }),
  });
  const open = new Set<KioskContext>();
  return {
    portalBrowser,
    async openKioskContext() {
      const profile = await mkdtemp(join(tmpdir(), 'kiosk-window-'));
      let context: BrowserContext;
      try {
        context = await chromium.launchPersistentContext(profile, {
          ...kioskContextOptions,
          executablePath: plan.executablePath,
          headless: false,
          viewport: null,
          args: [...chromiumArgs({ headless: false, cdpPort: plan.cdpPort, sandbox: plan.sandbox }), ...kioskWindowArgs()],
        });
      } catch (error) {
        await rm(profile, { recursive: true, force: true });
        throw error;
      }
      const page = context.pages()[0] ?? (await context.newPage());
      const kiosk: KioskContext = {
        context,
        page,
        async close() {
          open.delete(kiosk);
          await context.close().catch(() => undefined);
          await rm(profile, { recursive: true, force: true }).catch(() => undefined);
        },
      };
      open.add(kiosk);
      return kiosk;
    },
    async close() {
      await Promise.all([...open].map((kiosk) => kiosk.close()));
      await portalBrowser.close().catch(() => undefined);
    },
  };
}
