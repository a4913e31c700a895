import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ScreenId } from '../../../renderer/src/screens/screenRegistry';
import type { UiLanguage } from '../../../shared/i18n/languages';
import { appRoot, fixtureConfig } from './kioskProcess';

/**
 * How to reach every screen of the screen registry, for the test suites that go through all of
 * them (screens, keyboard). A Record over every ScreenId: a new screen without a way to reach it
 * fails the type check.
 */
type Language = UiLanguage;
const configDir = mkdtempSync(join(tmpdir(), 'kiosk-screens-'));
const base = JSON.parse(readFileSync(fixtureConfig('info-short-idle.json'), 'utf8')) as { languages: { default: string } };
function writeConfig(name: string, language: Language, idleTimeoutSeconds: number): string {
  const file = join(configDir, `${name}-${language}.json`);
  writeFileSync(file, JSON.stringify({ ...base, session: { idleTimeoutSeconds, warningSeconds: 20 }, languages: { ...base.languages, default: language } }));
  return file;
}
/** The test terminal with `language` as its default (attract and end follow it); the idle warning stays away. */
export const defaultConfig = (language: Language): string => writeConfig('info', language, 600);
/** The same terminal whose idle warning comes after 3 s. */
const shortIdleConfig = (language: Language): string => writeConfig('info-short-idle', language, 3);

export interface Visitor {
  readonly config: (language: Language) => string;
  /** Brings the kiosk to the screen, starting from attract. */
  readonly visit: (page: Page, language: Language) => Promise<void>;
}

export const startSession = async (page: Page): Promise<void> => {
  await page.locator('[data-action="start-session"]').click();
};

export const visitors: Record<ScreenId, Visitor> = {
  attract: { config: defaultConfig, visit: () => Promise.resolve() },
  'home-info': { config: defaultConfig, visit: startSession },
  'home-workstation': {
    config: () => join(appRoot, 'kiosk-config', 'workstation.json'),
    visit: async (page, language) => {
      await page.locator(`[data-screen="attract"] [data-language="${language}"]`).click();
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
  'device-status': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.locator('[data-action="device-status"]').click();
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
  'key-help': {
    config: defaultConfig,
    visit: async (page) => {
      await startSession(page);
      await page.keyboard.press('F1');
    },
  },
};

