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
import { callForHelp, openAssist, openStaffPad, setOutOfOrder, staffSection } from './staff';

/**
 * How to reach every screen of the screen registry, for the test suites that go through all of
 * them (screens, keyboard). A Record over every ScreenId: a new screen without a way to reach it
 * fails the type check.
 */
type Language = UiLanguage;
const configDir = mkdtempSync(join(tmpdir(), 'kiosk-screens-'));
const base = JSON.parse(readFileSync(fixtureConfig('info-short-idle.json'), 'utf8')) as { languages: { default: string } };

/** A test terminal config with the staff section, in `language`, with the given idle time. */
function writeConfig(name: string, language: Language, idleTimeoutSeconds: number): string {
  const file = join(configDir, `${name}-${language}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...base,
      session: { idleTimeoutSeconds, warningSeconds: 20 },
      languages: { ...base.languages, default: language },
      content: { folder: openPack },
      staff: staffSection,
    }),
    // The staff section holds the PIN hashes: the kiosk refuses the file if everybody may read it.
    { mode: 0o600 },
  );
  return file;
}
/**
 * The test terminal with `language` as its own (attract and the farewell are in it), with the staff
 * section (assist mode, out of order); the idle warning stays away.
 */
export const defaultConfig = (language: Language): string => writeConfig('info', language, 600);
/** The same terminal in German whose idle warning comes after 3 s: a citizen's language is chosen at the start. */
const shortIdleConfig = (): string => writeConfig('info-short-idle', 'de', 3);

/**
 * The workstation's screens need a portal to show: each worker of the test run serves the local
 * test portal for as long as it lives, and one terminal config in German points at it (a citizen's
 * language is chosen at the start).
 */
const portal = await startTestPortal();
let workstation: WorkstationSetup | undefined;
const workstationSetup = (): WorkstationSetup => (workstation ??= workstationConfig(portal, { name: 'matrix' }));
const workstationFor = (): string => workstationSetup().config;

/** From attract or a farewell: a session in `language`, and the tile's portal page, shown. */
const openTestPortal = async (page: Page, language: Language): Promise<Page> => {
  await openTile(page, 'testportal', language);
  await waitForFrame(page);
  return portalPage(page, portal.origin);
};

export interface Visitor {
  readonly config: (language: Language) => string;
  /**
   * Brings the kiosk to the screen, starting from attract or from the farewell of the session the
   * screen before it ended (the suites go from screen to screen in one page visit, sharedKiosk.ts).
   */
  readonly visit: (page: Page, language: Language) => Promise<void>;
  /** The visit needs the attract screen itself: it comes first of those sharing its kiosk. */
  readonly fromAttract?: true;
  /**
   * Undoes what the visit left in the kiosk's core that the end of a session does not (a help call,
   * out of order), after the screen's checks: the next screen finds the kiosk as new.
   */
  readonly leave?: (page: Page) => Promise<void>;
}

/** Starts a session in `language` as a citizen does: its button on attract, or on the farewell of the last session. */
export const startSession = async (page: Page, language: Language): Promise<void> => {
  await page.locator(`:is([data-screen="attract"], [data-screen="end-of-session"]) [data-language="${language}"]`).click();
};

/** From the info home: search "perso" and open the ID card service. */
export const openIdCardService = async (page: Page): Promise<void> => {
  await page.locator('[data-action="open-search"]').click();
  await page.locator('#service-search').fill('perso');
  await page.locator('[data-screen="info-search"] [data-service="personalausweis-ab-16"]').click();
};

export const visitors: Record<ScreenId, Visitor> = {
  attract: { config: defaultConfig, fromAttract: true, visit: () => Promise.resolve() },
  'home-info': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-topic]').first().waitFor();
    },
  },
  'home-workstation': {
    config: workstationFor,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-tile]').first().waitFor();
    },
  },
  portal: {
    config: workstationFor,
    visit: async (page, language) => {
      await openTestPortal(page, language);
    },
  },
  'portal-blocked': {
    config: workstationFor,
    visit: async (page, language) => {
      await openTile(page, 'weiterleitung', language);
      await page.locator('[data-screen="portal-blocked"] .qr-code').waitFor();
    },
  },
  'portal-error': {
    config: workstationFor,
    visit: async (page, language) => {
      await openTile(page, 'stoerung', language);
      await page.locator('[data-screen="portal-error"] .qr-code').waitFor();
    },
  },
  'portal-dialog': {
    config: workstationFor,
    visit: async (page, language) => {
      const site = await openTestPortal(page, language);
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
      placeScan(workstationSetup().scanFolder);
      await openTile(page, 'scans', language);
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
    visit: async (page, language) => {
      await openTestPortal(page, language);
      await page.locator('[data-action="portal-help"]').click();
    },
  },
  'idle-warning': {
    config: shortIdleConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-screen="idle-warning"]').waitFor({ timeout: 10_000 });
    },
  },
  'end-of-session': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="end-session"]').click();
    },
  },
  'help-confirm': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="call-help"]').click();
    },
  },
  'help-status': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await callForHelp(page);
    },
    // The call stays open in the core beyond the session: the citizen takes it back.
    leave: async (page) => {
      await page.locator('[data-action="cancel-help"]').click();
      await page.locator('[data-help-status]').waitFor({ state: 'detached' });
    },
  },
  'out-of-order': {
    config: defaultConfig,
    // Out of order is kept by the core: staff switch it off again.
    leave: async (page) => {
      await setOutOfOrder(page, false);
      await page.locator('[data-screen="attract"]').waitFor();
    },
    visit: async (page) => {
      await setOutOfOrder(page, true);
    },
  },
  'staff-pin': {
    config: defaultConfig,
    visit: async (page, language) => {
      await page.evaluate(() => window.kiosk?.invoke('staff.lock', {}));
      await startSession(page, language);
      await openStaffPad(page);
    },
  },
  assist: {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await openAssist(page);
      // The counters have loaded: the screen is complete.
      await page.locator('[data-screen="assist"] [data-assist-row="counters"] :is(table, p)').first().waitFor();
    },
  },
  'assist-confirm': {
    config: defaultConfig,
    visit: async (page) => {
      await openAssist(page);
      await page.locator('[data-screen="assist"] [data-action="quit-app"]').click();
      await page.locator('[data-screen="assist-confirm"]').waitFor();
    },
  },
  'language-menu': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="open-languages"]').click();
    },
  },
  accessibility: {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('.top-bar [data-action="open-accessibility"]').click();
    },
  },
  'info-topic': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-topic="ausweise-und-paesse"]').click();
      await page.locator('[data-screen="info-topic"] [data-service]').first().waitFor();
    },
  },
  'info-search': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="open-search"]').click();
      await page.locator('#service-search').fill('perso');
      await page.locator('[data-screen="info-search"] [data-service]').first().waitFor();
    },
  },
  'info-service': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await openIdCardService(page);
      await page.locator('[data-screen="info-service"] .qr-code').waitFor();
    },
  },
  'info-wayfinding': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await openIdCardService(page);
      await page.locator('[data-action="show-way"]').click();
      await page.locator('[data-mark="target"]').waitFor();
    },
  },
  'info-queue': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="open-queue"]').click();
      await page.locator('[data-category]').first().waitFor();
    },
  },
  'info-ticket': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.locator('[data-action="open-queue"]').click();
      await page.locator('[data-category]').first().click();
      await page.locator('[data-ticket]').waitFor();
    },
  },
  'key-help': {
    config: defaultConfig,
    visit: async (page, language) => {
      await startSession(page, language);
      await page.keyboard.press('F1');
    },
  },
  privacy: {
    config: defaultConfig,
    fromAttract: true,
    // From the attract screen: the help bar offers it there too, and opening it starts no session.
    visit: async (page) => {
      await page.locator('[data-screen="attract"] ~ [data-help-bar] [data-action="open-privacy"]').click();
      await page.locator('[data-screen="privacy"] [data-privacy-part]').first().waitFor();
    },
  },
};

/**
 * The screens in the order a suite visits them in `language`: those sharing a config next to each
 * other, so one kiosk serves them, and in each group those that need the attract screen first (a
 * new kiosk starts there).
 */
export function visitOrder(ids: readonly ScreenId[], language: Language): ScreenId[] {
  const key = (id: ScreenId): string => `${visitors[id].config(language)}\u0000${visitors[id].fromAttract === true ? '0' : '1'}`;
  return [...ids].sort((a, b) => key(a).localeCompare(key(b)));
}
