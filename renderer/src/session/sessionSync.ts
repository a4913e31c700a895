import type { KioskApi } from '#shared/contract/kioskApi';
import type { SessionSnapshot } from '#shared/session/sessionState';
import { usePreferencesStore } from '../state/preferencesStore';
import { useSessionStore } from '../state/sessionStore';
import { resetCitizenStores } from '../state/storeRegistry';
import { stopSpeaking } from '../speech/speech';

/**
 * Applies a session snapshot from the host. On `resetting` every citizen store is wiped before
 * the host is told the reset is complete, so attract never shows anything of the last citizen.
 */
export async function applySessionSnapshot(api: KioskApi, snapshot: SessionSnapshot): Promise<void> {
  if (snapshot.state === 'resetting' && snapshot.resetId !== null) {
    stopSpeaking();
    useSessionStore.getState().rememberSessionLanguage(usePreferencesStore.getState().language);
    resetCitizenStores();
    useSessionStore.getState().applySnapshot(snapshot);
    await api.invoke('session.resetComplete', { resetId: snapshot.resetId });
    return;
  }
  useSessionStore.getState().applySnapshot(snapshot);
}

/** Subscribes to the host's session events; returns the unsubscribe function. */
export function followSession(api: KioskApi): () => void {
  return api.on('session.changed', (snapshot) => {
    void applySessionSnapshot(api, snapshot);
  });
}

/** Reports citizen input to the host at most once per `intervalMs` (it restarts the idle timer). */
export function createActivityReporter(api: KioskApi, now: () => number, intervalMs = 1000): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    void api.invoke('session.activity', {});
  };
}
