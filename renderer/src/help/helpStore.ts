import { clearHelpView, type HelpView } from '#shared/contract/helpContract';
import { defineCitizenStore, defineTerminalStore } from '../state/storeRegistry';

interface HelpCallState {
  /** The call for help as the core has it: the call lives in core, so it survives a session reset here too. */
  readonly view: HelpView;
  /** False until the first answer of the core: that one is only a starting point and never chimes. */
  readonly synced: boolean;
  setView: (view: HelpView) => void;
}

/** The call for help, mirrored from the core (help.status, help.changed); no personal data, only its state. */
export const useHelpCallStore = defineTerminalStore<HelpCallState>('helpCall', (set) => ({
  view: clearHelpView,
  synced: false,
  setView: (view) => {
    set({ view, synced: true });
  },
}));

interface HelpConfirmState {
  /** The screen the citizen asked for help on, while "call a staff member?" is open; null when closed. */
  readonly askingOn: string | null;
  ask: (screen: string) => void;
  close: () => void;
}

/** The citizen's open question "call a staff member?": theirs alone, so it is gone with their session. */
export const useHelpConfirmStore = defineCitizenStore<HelpConfirmState>('helpConfirm', (set) => ({
  askingOn: null,
  ask: (screen) => {
    set({ askingOn: screen });
  },
  close: () => {
    set({ askingOn: null });
  },
}));
