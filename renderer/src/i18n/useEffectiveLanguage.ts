import type { UiLanguage } from '#shared/i18n/languages';
import { usePreferencesStore } from '../state/preferencesStore';
import { useTerminalStore } from '../state/terminalStore';

/** The language the UI shows: the citizen's choice, else the terminal's default. */
export function useEffectiveLanguage(): UiLanguage {
  const chosen = usePreferencesStore((s) => s.language);
  const fallback = useTerminalStore((s) => s.bootstrap?.languages.default ?? 'de');
  return chosen ?? fallback;
}
