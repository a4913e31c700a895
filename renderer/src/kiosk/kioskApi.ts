import type { KioskApi } from '#shared/contract/kioskApi';

/** The host bridge; null when the UI is opened outside a kiosk host. */
export function kioskApi(): KioskApi | null {
  return window.kiosk ?? null;
}
