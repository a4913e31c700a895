import type { UiLanguage } from '#shared/i18n/languages';
import type { ResetReason, SessionSnapshot } from '#shared/session/sessionState';
import { defineTerminalStore } from './storeRegistry';

interface SessionStoreState {
  /** The host's session state, mirrored; holds no citizen data. */
  readonly snapshot: SessionSnapshot | null;
  /** While set, the attract state shows the end-of-session screen first. */
  readonly farewell: ResetReason | null;
  /**
   * The language the session that just ended was in, kept only for a staff reset's farewell: the
   * citizen did not end it themselves, so the end screen tells them why in their own language too.
   * Nothing else of them: it is gone with the farewell (or at once, for any other end).
   */
  readonly farewellLanguage: UiLanguage | null;
  applySnapshot: (snapshot: SessionSnapshot) => void;
  /** Called at the reset, before the citizen's choices are wiped: the language they used (null: the default). */
  rememberSessionLanguage: (language: UiLanguage | null) => void;
  clearFarewell: () => void;
}

export const useSessionStore = defineTerminalStore<SessionStoreState>('session', (set, get) => ({
  snapshot: null,
  farewell: null,
  farewellLanguage: null,
  applySnapshot: (snapshot) => {
    const previous = get().snapshot;
    const justEnded = snapshot.state === 'attract' && snapshot.lastEnd !== null && previous !== null && previous.state !== 'attract';
    const farewell = snapshot.state === 'attract' ? (justEnded ? (snapshot.lastEnd?.reason ?? null) : get().farewell) : null;
    const keepLanguage = snapshot.state === 'resetting' || (farewell === 'staff' && (justEnded || get().farewell === 'staff'));
    set({ snapshot, farewell, farewellLanguage: keepLanguage ? get().farewellLanguage : null });
  },
  rememberSessionLanguage: (language) => {
    set({ farewellLanguage: language });
  },
  clearFarewell: () => {
    set({ farewell: null, farewellLanguage: null });
  },
}));
