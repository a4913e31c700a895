import i18next, { type i18n } from 'i18next';
import { staffLanguages, type StaffLanguage } from '#shared/config/staffConfig';
import de from '../i18n/locales/de.json';
import en from '../i18n/locales/en.json';
import staffDe from './locales/de.json';
import staffEn from './locales/en.json';

/**
 * The staff screens' own i18next instance: German and English only ("Staff UI in German and
 * English"), whatever language a citizen chose. Besides the `staff` namespace it holds the citizen
 * texts of those two languages, so parts shared with citizen screens (device list, print feedback)
 * speak the staff's language inside assist mode. The `staff` namespace is not one of the eight
 * citizen languages: i18next-cli leaves it out (`ignoreNamespaces` in i18next.config.ts) and
 * tests/unit/renderer/src/staff/staffLocales.test.ts checks it instead.
 */
export const staffResources = {
  de: { translation: de, staff: staffDe },
  en: { translation: en, staff: staffEn },
} as const satisfies Record<StaffLanguage, { translation: typeof de; staff: typeof staffDe }>;

export const staffI18n: i18n = i18next.createInstance();
void staffI18n.init({
  resources: staffResources,
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...staffLanguages],
  ns: ['staff', 'translation'],
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Switches the staff screens (not the citizen's) to `language`. */
export function applyStaffLanguage(language: StaffLanguage): void {
  if (staffI18n.language !== language) void staffI18n.changeLanguage(language);
}
