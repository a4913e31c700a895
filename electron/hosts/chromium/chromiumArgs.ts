import { disabledBlinkFeatures } from '#core/portal/pageGuardScript';

/** Options that decide how the Chromium host starts the browser. */
export interface ChromiumLaunchPlan {
  readonly headless: boolean;
  readonly cdpPort: number | undefined;
  /** Chromium's own sandbox; it cannot run as root, so it is off only there (CI, containers). */
  readonly sandbox: boolean;
}

/**
 * Command-line switches for Debian's Chromium on a kiosk: no background traffic, no first-run UI,
 * and (when asked) a remote-debugging endpoint bound to loopback only.
 */
export function chromiumArgs(plan: ChromiumLaunchPlan): string[] {
  const args = [
    ...(plan.sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // Site isolation off: every frame of a portal page then lives in that page's process, so the one
    // DevTools session that applies the navigation policy sees every frame's navigations and redirect
    // hops (cross-site frames would otherwise get sessions of their own). Each citizen's portal runs
    // in its own browser context, and the kiosk UI loads nothing but its own files.
    // No address bar popups: Chromium would start a renderer for one with every page (the kiosk's,
    // each portal page's), about a second of CPU each on a small kiosk PC, for a bar never shown.
    '--disable-features=Translate,MediaRouter,IsolateOrigins,site-per-process,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
    // No native file dialogs from the File System Access pickers (kiosk page and portal pages).
    `--disable-blink-features=${disabledBlinkFeatures.join(',')}`,
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
    // A permission no one granted is denied, never asked: a portal page gets no prompt to trick a
    // citizen into (the tiles' configured camera/microphone are granted per origin; the kiosk page's
    // clipboard access too).
    '--deny-permission-prompts',
    // Speech output (read-aloud) through speech-dispatcher on Linux.
    '--enable-speech-dispatcher',
    // A crashed renderer's memory (what a citizen typed) never becomes a minidump on disk.
    '--disable-crash-reporter',
    '--disable-breakpad',
  ];
  if (plan.cdpPort !== undefined) args.push(`--remote-debugging-port=${String(plan.cdpPort)}`, '--remote-debugging-address=127.0.0.1');
  return args;
}

/**
 * The headed kiosk browser's one window: an app window (no tabs, no address bar, no menu) in kiosk
 * mode (full screen on the display it starts on, no way out of full screen, DevTools refused). It
 * opens blank; the host loads the kiosk page once its bridge and request filter are in place.
 */
export function kioskWindowArgs(): string[] {
  return ['--kiosk', '--app=about:blank'];
}

/** The sandbox stays on unless the host runs as root or it is switched off explicitly. */
export function useSandbox(env: NodeJS.ProcessEnv, uid: number | undefined): boolean {
  return uid !== 0 && env.KIOSK_CHROMIUM_NO_SANDBOX !== '1';
}

/** True when there is a display to show a window on. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}
