import type { KioskApi } from '#shared/contract/kioskApi';

// The page's one bridge to the host. In a declaration file of its own, so the tests that drive the
// page (Playwright's evaluate) see it too.
declare global {
  interface Window {
    /** The only bridge to the host, built from the contract by the preload (or the Chromium host's bridge). */
    readonly kiosk?: KioskApi;
  }
}
