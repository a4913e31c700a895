import type { KioskApi } from '../../../shared/contract/kioskApi';

declare global {
  interface Window {
    /** The only bridge to the host, built from the contract by the preload (or the Chromium host's bridge). */
    readonly kiosk?: KioskApi;
  }
}

/** The host bridge; null when the UI is opened outside a kiosk host. */
export function kioskApi(): KioskApi | null {
  return window.kiosk ?? null;
}
