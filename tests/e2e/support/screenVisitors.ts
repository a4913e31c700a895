import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ScreenId } from '#renderer/screens/screenRegistry';
import type { UiLanguage } from '#shared/i18n/languages';
import { startTestPortal } from '#tests/support/testPortal';
import { openPack } from './contentPacks';
import { fixtureConfig } from './kioskProcess';
import { openTile, placeScan, portalPage, waitForFrame, workstationConfig, type WorkstationSetup } from './workstation';
import { callForHelp, openAssist, openStaffPad, staffSection } from './staff';

/**
 * How to reach every screen of the screen registry, for the test suites that go through all of
 * them (screens, keyboard). A Record over every ScreenId: a new screen without a way to reach it
 * fails the type check.
 */
type Language = UiLanguage;
const configDir = mkdtempSync(join(tmpdir(), 'kiosk-screens-'));
const base = JSON.parse(readFileSync(fixtureConfig('info-short-idle.json'), 'utf8')) as { languages: { default: string } };

/** A test terminal config in `language` with the given idle time and content pack. */
function writeConfig(name: string, language: Language, idleTimeoutSeconds: number, pack: string = openPack): string {
  const file = join(configDir, `${name}-${language}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...base,
      session: { idleTimeoutSeconds, warningSeconds: 20 },
      languages: { ...base.languages, default: language },
      content: { folder: pack },
    }),
  );
  return file;
}
/** The test terminal with `language` as its default (attract and end follow it); the idle warning stays away. */
export const defaultConfig = (language: Language): string => writeConfig('info', language, 600);
/** The same terminal whose idle warning comes after 3 s. */
const shortIdleConfig = (language: Language): string => writeConfig('info-short-idle', language, 3);

/** The test terminal with the staff section (assist mode, out of order). */
function writeStaffConfig(name: string, language: Language): string {
  const file = join(configDir, `${name}-${language}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...base,
      session: { idleTimeoutSeconds: 600, warningSeconds: 20 },
      languages: { ...base.languages, default: language },
      content: { folder: openPack },
      staff: staffSection,
    }),
    // The staff section holds the PIN hashes: the kiosk refuses the file if everybody may read it.
    { mode: 0o600 },
  );
  return file;
}
const staffConfig = (language: Language): string => writeStaffConfig('info-staff', language);

/**
 * The workstation's screens need a portal to show: each worker of the test run serves the local
 * test portal for as long as it lives, and one terminal config per language points at it.
 */
const portal = await startTestPortal();
const workstationSetups = new Map<Language, WorkstationSetup>();
const workstationSetup = (language: Language): WorkstationSetup => {
  let setup = workstationSetups.get(language);
  if (setup === undefined) {
    setup = workstationConfig(portal, { language, name: `matrix-${language}` });
    workstationSetups.set(language, setup);
  }
  return setup;
};
const workstationFor = (language: Language): string => workstationSetup(language).config;

/** From attract in the terminal's language: the tile's portal page, shown. */
const openTestPortal = async (page: Page): Promise<Page> => {
  await openTile(page, 'testportal');
  await waitForFrame(page);
  return portalPage(page, portal.origin);
};

export interface Visitor {
  readonly config: (language: Language) => string;
  /** Brings the kiosk to the screen, starting from attract. */
  readonly visit: (page: Page, language: Language) => Promise<void>;
  /**
   * The visit leaves something in the kiosk's core that a reload of the page does not undo (a help
   * call, out of order): the screen comes last of those sharing its kiosk, which is closed after it.
   */
  readonly leavesState?: true;
}

export const startSession = async (page: Page): Promise<void> => {
  await page.locator('[data-action="start-session"]').click();
};

/** From the info home: search "perso" and open the ID card service. */
export const openIdCardService = async (page: Page): Promise<void> => {
  await page.locator('[data-action="open-search"]').click();
  await page.locator('#service-search').fill('perso');
  await page.locator('[data-screen="info-search"] [data-service="personalausweis-ab-16"]').click();
};

export const visitors: Record<ScreenId, Visitor> = {
  attract: { config: defaultConfig, visit: () => Promise.resolve() },
  'home-info': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-topic]').first().waitFor();
    },
  },
  'home-workstation': {
    config: workstationFor,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-tile]').first().waitFor();
    },
  },
  portal: {
    config: workstationFor,
    visit: async (page) => {
      await openTestPortal(page);
    },
  },
  'portal-blocked': {
    config: workstationFor,
    visit: async (page) => {
      await openTile(page, 'weiterleitung');
      await page.locator('[data-screen="portal-blocked"] .qr-code').waitFor();
    },
  },
  'portal-error': {
    config: workstationFor,
    visit: async (page) => {
      await openTile(page, 'stoerung');
      await page.locator('[data-screen="portal-error"] .qr-code').waitFor();
    },
  },
  'portal-dialog': {
    config: workstationFor,
    visit: async (page) => {
      const site = await openTestPortal(page);
      await site.goto(portal.url('/dialogs'));
      // A click of this test's own connection: the page's confirm() then waits for the kiosk dialog.
      site
        .locator('#confirm')
        .click()
        .catch(() => undefined);
    },
  },
  'portal-files': {
    config: workstationFor,
    visit: async (page, language) => {
      placeScan(workstationSetup(language).scanFolder);
      await openTile(page, 'scans');
      await waitForFrame(page);
      const site = await portalPage(page, portal.origin);
      site
        .locator('#file')
        .click()
        .catch(() => undefined);
    },
  },
  'portal-help': {
    config: workstationFor,
    visit: async (page) => {
      await openTestPortal(page);
      await page.locator('[data-action="portal-help"]').click();
    },
  },
  'idle-warning': {
    config: shortIdleConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-screen="idle-warning"]').waitFor({ timeout: 10_000 });
    },
  },
  'end-of-session': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="end-session"]').click();
    },
  },
  'help-confirm': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="call-help"]').click();
    },
  },
  'help-status': {
    // The call stays open in the core.
    config: defaultConfig,
    leavesState: true,
    visit: async (page) => {
      await startSession(page);
      await callForHelp(page);
    },
  },
  'out-of-order': {
    // Out of order is kept by the core.
    config: staffConfig,
    leavesState: true,
    visit: async (page) => {
      await openAssist(page);
      await page.locator('[data-screen="assist"] [data-action="out-of-order-on"]').click();
      await page.locator('[data-screen="assist"] [data-action="out-of-order-off"]').waitFor();
      await page.locator('[data-action="lock-assist"]').click();
      await page.locator('[data-screen="out-of-order"]').waitFor();
    },
  },
  'staff-pin': {
    config: staffConfig,
    visit: async (page) => {
      await page.evaluate(() => window.kiosk?.invoke('staff.lock', {}));
      await startSession(page);
      await openStaffPad(page);
    },
  },
  assist: {
    config: staffConfig,
    visit: async (page) => {
      await startSession(page);
      await openAssist(page);
      // The counters have loaded: the screen is complete.
      await page.locator('[data-screen="assist"] [data-assist-row="counters"] :is(table, p)').first().waitFor();
    },
  },
  'assist-confirm': {
    config: staffConfig,
    visit: async (page) => {
      await openAssist(page);
      await page.locator('[data-screen="assist"] [data-action="quit-app"]').click();
      await page.locator('[data-screen="assist-confirm"]').waitFor();
    },
  },
  'language-menu': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="open-languages"]').click();
    },
  },
  accessibility: {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('.top-bar [data-action="open-accessibility"]').click();
    },
  },
  'info-topic': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-topic="ausweise-und-paesse"]').click();
      await page.locator('[data-screen="info-topic"] [data-service]').first().waitFor();
    },
  },
  'info-search': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="open-search"]').click();
      await page.locator('#service-search').fill('perso');
      await page.locator('[data-screen="info-search"] [data-service]').first().waitFor();
    },
  },
  'info-service': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await openIdCardService(page);
      await page.locator('[data-screen="info-service"] .qr-code').waitFor();
    },
  },
  'info-wayfinding': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await openIdCardService(page);
      await page.locator('[data-action="show-way"]').click();
      await page.locator('[data-mark="target"]').waitFor();
    },
  },
  'info-queue': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="open-queue"]').click();
      await page.locator('[data-category]').first().waitFor();
    },
  },
  'info-ticket': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="open-queue"]').click();
      await page.locator('[data-category]').first().click();
      await page.locator('[data-ticket]').waitFor();
    },
  },
  'key-help': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.keyboard.press('F1');
    },
  },
  privacy: {
    config: defaultConfig,
    // From the attract screen: the help bar offers it there too, and opening it starts no session.
    visit: async (page) => {
      await page.locator('[data-screen="attract"] ~ [data-help-bar] [data-action="open-privacy"]').click();
      await page.locator('[data-screen="privacy"] [data-privacy-part]').first().waitFor();
    },
  },
};

/**
 * The screens in the order a suite visits them in `language`: those sharing a config next to each
 * other, so one kiosk serves them, and a screen that leaves state behind last of its group.
 */
export function visitOrder(ids: readonly ScreenId[], language: Language): ScreenId[] {
  const key = (id: ScreenId): string => `${visitors[id].config(language)}\u0000${visitors[id].leavesState === true ? '1' : '0'}`;
  return [...ids].sort((a, b) => key(a).localeCompare(key(b)));
}
