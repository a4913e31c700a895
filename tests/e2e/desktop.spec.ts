import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { startDesktop, topRowsDifference, type Desktop, type XWindow } from './support/desktop';
import { appRoot, freePort, startProcess, type RunningProcess } from './support/kioskProcess';
import { openTile, waitForFrame, workstationConfig } from './support/workstation';
import { chromiumHostOnly, e2eHost } from './support/e2eHost';

test.skip(e2eHost === 'electron', chromiumHostOnly);

/**
 * The headed Chromium host on a real desktop (Xvfb with the openbox window manager), tried as a
 * citizen at the terminal would: the kiosk covers the screen with no browser UI, and no key — new
 * tab or window, the address bar with a file:// address, full screen, DevTools, closing the tab,
 * the window or the browser — leaves anything but one window showing the kiosk. Keys go through
 * the X server (xdotool), screenshots come from the X server (xwd), not from the browser. The
 * whole-screen pictures are kept in .cache/screenshots/desktop/.
 */

const shots = join(appRoot, '.cache', 'screenshots', 'desktop');
mkdirSync(shots, { recursive: true });

interface Attempt {
  readonly name: string;
  readonly keys: string;
  /** Typed after the keys, then Enter. */
  readonly typed?: string;
}

const attempts: readonly Attempt[] = [
  { name: 'new-tab', keys: 'ctrl+t' },
  { name: 'new-window', keys: 'ctrl+n' },
  { name: 'address-bar', keys: 'ctrl+l', typed: 'file:///etc/passwd' },
  { name: 'fullscreen-toggle', keys: 'F11' },
  { name: 'devtools', keys: 'ctrl+shift+i' },
  { name: 'quit', keys: 'ctrl+q' },
  { name: 'close-tab', keys: 'ctrl+w' },
  { name: 'close-window', keys: 'alt+F4' },
];

/** Rows at the top of the screen where a browser would draw its tabs and address bar. */
const browserUiRows = 120;

let desktop: Desktop | undefined;
let host: RunningProcess | undefined;
let cdp: Browser | undefined;
let portal: TestPortal | undefined;

test.describe.configure({ timeout: 240_000 });

test.afterEach(async () => {
  await cdp?.close().catch(() => undefined);
  cdp = undefined;
  await host?.stop();
  host = undefined;
  await desktop?.close();
  desktop = undefined;
  await portal?.close();
  portal = undefined;
});

/** Starts the Chromium host headed on the desktop (no --headless); resolves with its UI address. */
async function startHeadedKiosk(screen: Desktop, config: string | undefined): Promise<{ url: string; cdpPort: number }> {
  const cdpPort = await freePort();
  host = startProcess(
    join(appRoot, 'dist', 'chromium', 'host.mjs'),
    ['--cdp-port', String(cdpPort), ...(config === undefined ? [] : ['--config', config])],
    screen.env(),
  );
  const [, url] = await host.waitForOutput(/^KIOSK_READY (\S+)$/m);
  if (url === undefined) throw new Error('no kiosk address');
  return { url, cdpPort };
}

/** Connects anew over CDP (a replaced kiosk window is a new browser on the same port) and finds the kiosk page. */
async function kioskPage(cdpPort: number, url: string): Promise<Page | null> {
  await cdp?.close().catch(() => undefined);
  cdp = undefined;
  try {
    cdp = await chromium.connectOverCDP(`http://127.0.0.1:${String(cdpPort)}`, { timeout: 5000 });
  } catch {
    return null;
  }
  const page = cdp
    .contexts()
    .flatMap((context) => context.pages())
    .find((candidate) => candidate.url().startsWith(url));
  if (page === undefined) return null;
  const shown = await page
    .locator('[data-screen]')
    .first()
    .isVisible()
    .catch(() => false);
  return shown ? page : null;
}

function coversScreen(window: XWindow, screen: Desktop): boolean {
  return window.x === 0 && window.y === 0 && window.width === screen.width && window.height === screen.height;
}

/**
 * Waits until exactly one Chromium window covers the screen and shows the kiosk; then compares the
 * top of the X screen with the kiosk page's own picture (a tab strip or address bar would differ)
 * and keeps the whole-screen picture.
 */
async function expectOnlyTheKiosk(screen: Desktop, cdpPort: number, url: string, shot: string): Promise<Page> {
  let page: Page | null = null;
  await expect
    .poll(
      async () => {
        const windows = await screen.chromiumWindows();
        if (windows.length !== 1 || !windows[0] || !coversScreen(windows[0], screen)) return `windows: ${JSON.stringify(windows)}`;
        page = await kioskPage(cdpPort, url);
        return page === null ? 'kiosk page not shown' : 'kiosk';
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBe('kiosk');
  const kiosk = page as Page | null;
  if (kiosk === null) throw new Error('no kiosk page');
  // The two pictures are taken one after the other; a screen still changing in between (the reset
  // after a replaced window) differs for a moment, a tab strip or an address bar for good.
  await expect
    .poll(
      async () => {
        const onScreen = await screen.screenshot();
        writeFileSync(join(shots, `${shot}.png`), PNG.sync.write(onScreen));
        const own = PNG.sync.read(await kiosk.screenshot());
        expect(own.width).toBe(screen.width);
        return topRowsDifference(onScreen, own, browserUiRows);
      },
      { timeout: 20_000, intervals: [250, 500, 1000], message: `top ${String(browserUiRows)} rows of the screen vs. the kiosk page (${shot})` },
    )
    .toBeLessThan(6);
  return kiosk;
}

/** Presses the attempt's keys on the kiosk window; watches every window that shows up meanwhile. */
async function attempt(screen: Desktop, tried: Attempt): Promise<string[]> {
  const [window] = await screen.chromiumWindows();
  const titles = new Set<string>();
  const watch = async (): Promise<void> => {
    for (const seen of await screen.chromiumWindows()) titles.add(seen.title);
  };
  await screen.key(window ?? null, tried.keys);
  if (tried.typed !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await screen.type(tried.typed);
    await screen.key(null, 'Return');
  }
  for (let i = 0; i < 8; i += 1) {
    await watch();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return [...titles];
}

test('information terminal, headed on a desktop: the whole screen is the kiosk, and no key opens, shows or leaves anything else', async () => {
  desktop = await startDesktop();
  const { url, cdpPort } = await startHeadedKiosk(desktop, undefined);
  await expectOnlyTheKiosk(desktop, cdpPort, url, 'info-attract');
  for (const tried of attempts) {
    const titles = await attempt(desktop, tried);
    for (const title of titles) expect(title, `a window during ${tried.name}`).not.toMatch(/passwd|file:/i);
    const page = await expectOnlyTheKiosk(desktop, cdpPort, url, `info-${tried.name}`);
    expect(new URL(page.url()).origin).toBe(new URL(url).origin);
  }
});

test('workstation, headed on a desktop with a portal open: the portal is no window of its own, and no key opens, shows or leaves anything else', async () => {
  portal = await startTestPortal();
  desktop = await startDesktop();
  const setup = workstationConfig(portal, { name: 'desktop' });
  const { url, cdpPort } = await startHeadedKiosk(desktop, setup.config);
  await expectOnlyTheKiosk(desktop, cdpPort, url, 'workstation-attract');
  for (const tried of attempts) {
    // Every attempt is made with a portal page open (a closed window ends the session, so open it again).
    const page = await kioskPage(cdpPort, url);
    if (page === null) throw new Error('no kiosk page');
    if (!(await page.locator('[data-screen="portal"]').isVisible())) {
      const again = page.locator('[data-action="start-again"]');
      if (await again.isVisible()) await again.click();
      await openTile(page, 'testportal');
      await waitForFrame(page);
    }
    await expectOnlyTheKiosk(desktop, cdpPort, url, `workstation-portal-before-${tried.name}`);
    const titles = await attempt(desktop, tried);
    for (const title of titles) expect(title, `a window during ${tried.name}`).not.toMatch(/passwd|file:/i);
    const after = await expectOnlyTheKiosk(desktop, cdpPort, url, `workstation-${tried.name}`);
    expect(new URL(after.url()).origin).toBe(new URL(url).origin);
  }
});
