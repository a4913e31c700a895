import type { ResetReason, SessionSnapshot } from '../../../shared/session/sessionState';
import { defineTerminalStore } from './storeRegistry';

interface SessionStoreState {
  /** The host's session state, mirrored; holds no citizen data. */
  readonly snapshot: SessionSnapshot | null;
  /** While set, the attract state shows the end-of-session screen first. */
  readonly farewell: ResetReason | null;
  applySnapshot: (snapshot: SessionSnapshot) => void;
  clearFarewell: () => void;
}

export const useSessionStore = defineTerminalStore<SessionStoreState>('session', (set, get) => ({
  snapshot: null,
  farewell: null,
  applySnapshot: (snapshot) => {
    const previous = get().snapshot;
    const justEnded = snapshot.state === 'attract' && snapshot.lastEnd !== null && previous !== null && previous.state !== 'attract';
    const farewell = snapshot.state === 'attract' ? (justEnded ? (snapshot.lastEnd?.reason ?? null) : get().farewell) : null;
    set({ snapshot, farewell });
  },
  clearFarewell: () => {
    set({ farewell: null });
  },
}));
