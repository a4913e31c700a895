import 'i18next';
import type de from './locales/de.json';
import type staff from '../staff/locales/de.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    /** `staff` is used only inside the staff screens' own instance (staff/staffI18n.ts), in German and English. */
    resources: { translation: typeof de; staff: typeof staff };
  }
}
