import type { Page } from '@playwright/test';
import type { UiLanguage } from '#shared/i18n/languages';
import { chooseLanguageInMenu } from '#tests/e2e/support/kioskProcess';
import { callForHelp, openAssist } from '#tests/e2e/support/staff';
import { openTile, portalPage, tapInPortal, typeOnScreen, waitForFrame } from '#tests/e2e/support/workstation';
import type { TestPortal } from '#tests/support/testPortal';

/**
 * The citizens of the soak: what one session does on the information terminal or the workstation,
 * drawn from a seeded random source so a run can be repeated. Every journey starts at the attract
 * screen (or the farewell after the last session) and ends with the session ended, or, for an idle
 * reset, with the session left alone for the idle timeout to end it.
 */

export type SessionEnd = 'end' | 'idle' | 'staff';

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

const otherLanguages: readonly UiLanguage[] = ['en', 'ar', 'uk', 'ru', 'tr', 'fa', 'de-x-ls'];
/** Search words a citizen types on the on-screen keyboard; each finds services in the Jena pack. */
const searchWords = ['pass', 'perso', 'melde', 'kfz', 'geburt', 'wohn'];

export interface InfoPlan {
  readonly find: 'topic' | 'search';
  readonly language: UiLanguage | null;
  readonly way: boolean;
  readonly slip: boolean;
  readonly ticket: boolean;
  readonly help: 'none' | 'cancel' | 'leave';
  readonly end: SessionEnd;
}

export function planInfo(random: () => number, end: SessionEnd): InfoPlan {
  const help = random();
  return {
    find: random() < 0.5 ? 'search' : 'topic',
    language: random() < 0.3 ? pick(random, otherLanguages) : null,
    way: random() < 0.6,
    slip: random() < 0.5,
    ticket: random() < 0.3,
    help: help < 0.1 ? 'cancel' : help < 0.2 ? 'leave' : 'none',
    end,
  };
}

const names: Partial<Record<UiLanguage, string>> = { de: 'Jürgen', en: 'Lena', uk: 'олена', ar: 'سلام' };

export interface WorkstationPlan {
  readonly language: UiLanguage | null;
  /** Stores something in every browser store of the portal instead of the form (the end must wipe it). */
  readonly canaries: boolean;
  readonly email: boolean;
  readonly submit: boolean;
  readonly print: boolean;
  readonly end: SessionEnd;
}

export function planWorkstation(random: () => number, end: SessionEnd): WorkstationPlan {
  return {
    language: random() < 0.2 ? pick(random, ['en', 'uk', 'ar'] as const) : null,
    canaries: random() < 0.1,
    email: random() < 0.3,
    submit: random() < 0.4,
    print: random() < 0.7,
    end,
  };
}

/** From attract or the farewell: a new session. */
async function startSession(page: Page, home: string): Promise<void> {
  await page.locator('[data-action="start-session"], [data-action="start-again"]').first().click();
  await page.locator(home).first().waitFor();
}

/** The session ends as the plan says; an idle one is left for the idle timeout. */
async function endSession(page: Page, end: SessionEnd): Promise<void> {
  if (end === 'idle') return;
  if (end === 'staff') {
    await openAssist(page);
    await page.locator('[data-screen="assist"] [data-action="reset-session"]').click();
    await page.locator('[data-action="lock-assist"]').click();
  } else {
    await page.locator('[data-action="end-session"]').first().click();
  }
  await page.locator('.kiosk[data-session-state="attract"]').waitFor();
}

/** One citizen at the information terminal. */
export async function infoJourney(page: Page, plan: InfoPlan, random: () => number): Promise<void> {
  await startSession(page, '[data-screen="home-info"] [data-topic]');
  if (plan.find === 'search') {
    await page.locator('[data-action="open-search"]').click();
    const word = pick(random, searchWords);
    await typeOnScreen(page, word);
    await page.locator(`[data-screen="info-search"] [data-results-for="${word}"] [data-service]`).first().click();
  } else {
    const topics = page.locator('[data-topic]');
    await topics.nth(Math.floor(random() * (await topics.count()))).click();
    const services = page.locator('[data-screen="info-topic"] [data-service]');
    await services.first().waitFor();
    await services.nth(Math.floor(random() * (await services.count()))).click();
  }
  const service = page.locator('[data-screen="info-service"]');
  await service.locator('[data-action="print-slip"]').waitFor();
  if (plan.language !== null) {
    await chooseLanguageInMenu(page, plan.language);
    await page.locator(`html[lang="${plan.language}"]`).waitFor();
  }
  if (plan.way && (await service.locator('[data-action="show-way"]').count()) > 0) {
    await service.locator('[data-action="show-way"]').click();
    await page.locator('[data-screen="info-wayfinding"] [data-mark="target"]').waitFor();
    await page.locator('[data-action="back"]').click();
    await service.locator('[data-action="print-slip"]').waitFor();
  }
  if (plan.slip) {
    await service.locator('[data-action="print-slip"]').click();
    await page.locator('[data-screen="info-service"] [data-print-status="printed"]').waitFor({ timeout: 15_000 });
  }
  if (plan.ticket) {
    await page.locator('[data-action="info-home"]').click();
    await page.locator('[data-action="open-queue"]').click();
    const categories = page.locator('[data-screen="info-queue"] [data-category]');
    await categories.first().waitFor();
    await categories.nth(Math.floor(random() * (await categories.count()))).click();
    await page.locator('[data-screen="info-ticket"] [data-ticket]').waitFor();
    await page.locator('[data-action="ticket-done"]').click();
    await page.locator('[data-screen="home-info"]').waitFor();
  }
  if (plan.help !== 'none') {
    await callForHelp(page);
    if (plan.help === 'cancel') {
      await page.locator('[data-action="cancel-help"]').click();
      await page.locator('[data-screen="help-status"]').waitFor({ state: 'detached' });
    }
  }
  await endSession(page, plan.end);
}

/** One citizen at the workstation: a portal form, typed on the on-screen keyboard, printed to PDF. */
export async function workstationJourney(page: Page, portal: TestPortal, plan: WorkstationPlan): Promise<void> {
  await startSession(page, '[data-tile="testportal"]:not([disabled])');
  if (plan.language !== null) await chooseLanguageInMenu(page, plan.language);
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  if (plan.canaries) {
    // Something in every browser store (cookies, storage, IndexedDB, caches, …) for the end to wipe.
    portal.clear();
    await tapInPortal(page, site, '#write-link');
    await site.waitForURL(/\/write\?/);
    await tapInPortal(page, site, '#write');
    await portal.waitForReport('write');
    await endSession(page, plan.end);
    return;
  }
  await tapInPortal(page, site, '#form-link');
  await site.waitForURL(/\/form$/);
  await tapInPortal(page, site, '#name');
  // A name the keyboard of the session's language can type.
  await typeOnScreen(page, names[plan.language ?? 'de'] ?? 'Lena');
  if (plan.email) {
    await tapInPortal(page, site, '#email');
    await typeOnScreen(page, 'a@b.de');
  }
  if (plan.submit) {
    await tapInPortal(page, site, '#submit');
    await site.waitForURL(/\/submitted/);
  }
  if (plan.print) {
    await page.locator('[data-action="portal-print"]').click();
    await page.locator('[data-portal-message="print"][data-print-status="printed"]').waitFor({ timeout: 20_000 });
  }
  await endSession(page, plan.end);
}

/** After a failed journey: end whatever is left through the API, as the next citizen's start would need. */
export async function recover(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.kiosk?.invoke('staff.lock', {});
    await window.kiosk?.invoke('session.end', {});
  });
  await page.locator('.kiosk[data-session-state="attract"]').waitFor({ timeout: 30_000 });
}
