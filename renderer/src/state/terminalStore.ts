import type { Bootstrap } from '#shared/contract/appContract';
import { defineTerminalStore } from './storeRegistry';

interface TerminalState {
  /** The terminal's identity, languages and timings from the host; null until loaded. */
  readonly bootstrap: Omit<Bootstrap, 'snapshot'> | null;
  /** Set when the host could not be reached at start (shown as a calm error screen). */
  readonly startFailed: boolean;
  setBootstrap: (bootstrap: Omit<Bootstrap, 'snapshot'>) => void;
  setStartFailed: () => void;
}

export const useTerminalStore = defineTerminalStore<TerminalState>('terminal', (set) => ({
  bootstrap: null,
  startFailed: false,
  setBootstrap: (bootstrap) => {
    set({ bootstrap, startFailed: false });
  },
  setStartFailed: () => {
    set({ startFailed: true });
  },
}));
