/** Options that decide how the Chromium host starts the browser. */
export interface ChromiumLaunchPlan {
  readonly headless: boolean;
  readonly cdpPort: number | undefined;
}

/**
 * Command-line switches for Debian's Chromium on a kiosk: no background traffic, no first-run UI,
 * and (when asked) a remote-debugging endpoint bound to loopback only.
 */
export function chromiumArgs(plan: ChromiumLaunchPlan): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-features=Translate,MediaRouter',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
  ];
  if (!plan.headless) args.push('--kiosk', '--start-fullscreen');
  if (plan.cdpPort !== undefined) args.push(`--remote-debugging-port=${String(plan.cdpPort)}`, '--remote-debugging-address=127.0.0.1');
  return args;
}

/** True when there is a display to show a window on. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}
