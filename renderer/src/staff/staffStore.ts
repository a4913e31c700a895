import type { StaffLanguage } from '#shared/config/staffConfig';
import type { AssistView, StaffAction, TerminalStatus } from '#shared/contract/staffContract';
import { defineTerminalStore } from '../state/storeRegistry';

/** What became of a staff action, shown in assist mode until the next one. */
export type StaffActionOutcome =
  | { readonly action: StaffAction | 'counters'; readonly status: 'running' }
  | { readonly action: StaffAction | 'counters'; readonly status: 'done' }
  | { readonly action: StaffAction | 'counters'; readonly status: 'failed'; readonly reason: string };

interface StaffState {
  /** Assist mode as the core has it; null until known. */
  readonly assist: AssistView | null;
  /** Out of order, and where citizens are sent meanwhile (persisted by the core). */
  readonly terminal: TerminalStatus;
  /** The PIN pad is shown (the hidden gesture opened it). The digits themselves are never in a store. */
  readonly padOpen: boolean;
  /** The language staff switched to in this visit; null: the terminal's staff language. */
  readonly language: StaffLanguage | null;
  /** "Quit to the operating system?" is asked. */
  readonly confirmingQuit: boolean;
  /** The last action's result, shown in assist mode. */
  readonly outcome: StaffActionOutcome | null;
  setAssist: (assist: AssistView) => void;
  setTerminal: (terminal: TerminalStatus) => void;
  openPad: () => void;
  closePad: () => void;
  chooseLanguage: (language: StaffLanguage) => void;
  askQuit: () => void;
  cancelQuit: () => void;
  showOutcome: (outcome: StaffActionOutcome) => void;
}

/** What a visit of assist mode leaves behind is dropped when it locks: the next visit starts fresh. */
const closedVisit = { padOpen: false, language: null, confirmingQuit: false, outcome: null } as const;

/**
 * Staff at the terminal: assist mode and out of order, mirrored from the core, and the state of the
 * staff screens. It never holds a PIN or anything of a citizen, so it is a terminal store: a
 * citizen's session ending (a staff reset too) does not close assist mode; locking does.
 */
export const useStaffStore = defineTerminalStore<StaffState>('staff', (set, get) => ({
  assist: null,
  terminal: { outOfOrder: false, place: null },
  padOpen: false,
  language: null,
  confirmingQuit: false,
  outcome: null,
  setAssist: (assist) => {
    const wasOpen = get().assist?.mode === 'open';
    if (assist.mode === 'open') set({ assist, padOpen: false });
    else if (wasOpen) set({ assist, ...closedVisit });
    else set({ assist });
  },
  setTerminal: (terminal) => {
    set({ terminal });
  },
  openPad: () => {
    if (get().assist?.mode !== 'open') set({ padOpen: true });
  },
  closePad: () => {
    set({ padOpen: false });
  },
  chooseLanguage: (language) => {
    set({ language });
  },
  askQuit: () => {
    set({ confirmingQuit: true });
  },
  cancelQuit: () => {
    set({ confirmingQuit: false });
  },
  showOutcome: (outcome) => {
    set({ outcome });
  },
}));
