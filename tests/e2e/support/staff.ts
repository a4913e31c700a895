import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fixtureConfig } from './kioskProcess';

/**
 * Staff at the terminal, as the tests reach them: the staff section of
 * tests/fixtures/config/info-staff.json holds the hidden gesture (5 taps in the top-left corner
 * within 3 s), the test PIN's hash and the out-of-order place. The test PIN is 246810 (a test
 * fixture: only its scrypt hash is in the config).
 */
export const staffPin = '246810';
export const staffSection = (JSON.parse(readFileSync(fixtureConfig('info-staff.json'), 'utf8')) as { staff: { gesture: { taps: number } } }).staff;

/**
 * The hidden staff gesture: taps in the screen's top-left corner, outside any control (a tap on a
 * control is the citizen's and never counts). Opens the PIN pad.
 */
export async function openStaffPad(page: Page): Promise<void> {
  for (let tap = 0; tap < staffSection.gesture.taps; tap += 1) await page.mouse.click(4, 4);
  await page.locator('[data-screen="staff-pin"]').waitFor();
}

/** Types a PIN on the pad's digit buttons and presses OK. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  const pad = page.locator('[data-screen="staff-pin"]');
  for (const digit of pin) await pad.locator(`[data-pin-key="${digit}"]`).click();
  await pad.locator('[data-action="submit-pin"]').click();
}

/** From any screen: the gesture, the test PIN, and assist mode is open. */
export async function openAssist(page: Page): Promise<void> {
  // Assist mode lives in the core: one left open by an earlier screen of this kiosk is locked first.
  await page.evaluate(() => window.kiosk?.invoke('staff.lock', {}));
  await openStaffPad(page);
  await enterPin(page, staffPin);
  await page.locator('[data-screen="assist"]').waitFor();
}

/** From a session screen: help, "yes, call", and the call's state shows beside the help button. */
export async function callForHelp(page: Page): Promise<void> {
  await page.locator('[data-action="call-help"]').click();
  await page.locator('[data-screen="help-confirm"] [data-action="confirm-help"]').click();
  await page.locator('[data-screen="help-status"]').waitFor();
}

/**
 * Staff switch the terminal out of order or back on: assist mode, the switch, locked again. Ends on
 * the out-of-order screen, or on the screen the terminal shows without it.
 */
export async function setOutOfOrder(page: Page, on: boolean): Promise<void> {
  const assist = page.locator('[data-screen="assist"]');
  await openAssist(page);
  await assist.locator(`[data-action="${on ? 'out-of-order-on' : 'out-of-order-off'}"]`).click();
  // The switch shows its other side once the core has taken it.
  await assist.locator(`[data-action="${on ? 'out-of-order-off' : 'out-of-order-on'}"]`).waitFor();
  await page.locator('[data-action="lock-assist"]').click();
  await assist.waitFor({ state: 'detached' });
  if (on) await page.locator('[data-screen="out-of-order"]').waitFor();
  else await page.locator('[data-screen="out-of-order"]').waitFor({ state: 'detached' });
}
