import type { UiLanguage } from '#shared/i18n/languages';
import { defineCitizenStore } from './storeRegistry';

interface PreferencesState {
  /** The language the citizen chose; null means the terminal's default. */
  readonly language: UiLanguage | null;
  chooseLanguage: (language: UiLanguage) => void;
}

/** The citizen's own choices for this session; back to the defaults at every reset. */
export const usePreferencesStore = defineCitizenStore<PreferencesState>('preferences', (set) => ({
  language: null,
  chooseLanguage: (language) => {
    set({ language });
  },
}));
