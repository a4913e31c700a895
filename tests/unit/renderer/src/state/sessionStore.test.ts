import { beforeEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '#renderer/state/sessionStore';
import { initialSessionSnapshot, type SessionSnapshot } from '#shared/session/sessionState';

const snap = (patch: Partial<SessionSnapshot>): SessionSnapshot => ({ ...initialSessionSnapshot, ...patch });

const apply = (s: SessionSnapshot): void => {
  useSessionStore.getState().applySnapshot(s);
};
const farewell = () => useSessionStore.getState().farewell;

beforeEach(() => {
  useSessionStore.setState(useSessionStore.getInitialState(), true);
});

describe('sessionStore', () => {
  it('starts without snapshot and farewell', () => {
    expect(useSessionStore.getState()).toMatchObject({ snapshot: null, farewell: null });
  });

  it('mirrors the snapshot', () => {
    const s = snap({ state: 'active', sessionId: 'a-1' });
    apply(s);
    expect(useSessionStore.getState().snapshot).toEqual(s);
  });

  it('sets farewell when a session goes from resetting to attract with lastEnd', () => {
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    apply(snap({ state: 'resetting', sessionId: 'a-1', resetId: 'r-1' }));
    expect(farewell()).toBeNull();
    apply(snap({ state: 'attract', lastEnd: { reason: 'idle', at: 1000 } }));
    expect(farewell()).toBe('idle');
  });

  it('sets farewell when a session goes straight from active to attract with lastEnd', () => {
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    apply(snap({ state: 'attract', lastEnd: { reason: 'end', at: 1000 } }));
    expect(farewell()).toBe('end');
  });

  it('does not show a farewell on the first snapshot after start-up (no session just ended here)', () => {
    apply(snap({ state: 'attract', lastEnd: { reason: 'staff', at: 1000 } }));
    expect(farewell()).toBeNull();
  });

  it('does not show a farewell for attract without lastEnd', () => {
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    apply(snap({ state: 'attract' }));
    expect(farewell()).toBeNull();
  });

  it('keeps the farewell across repeated attract snapshots until cleared', () => {
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    apply(snap({ state: 'attract', lastEnd: { reason: 'end', at: 1000 } }));
    apply(snap({ state: 'attract', lastEnd: { reason: 'end', at: 1000 } }));
    expect(farewell()).toBe('end');
    useSessionStore.getState().clearFarewell();
    expect(farewell()).toBeNull();
    apply(snap({ state: 'attract', lastEnd: { reason: 'end', at: 1000 } }));
    expect(farewell()).toBeNull();
  });

  it('clears the farewell as soon as a new session is active', () => {
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    apply(snap({ state: 'attract', lastEnd: { reason: 'idle', at: 1000 } }));
    expect(farewell()).toBe('idle');
    apply(snap({ state: 'active', sessionId: 'a-2', lastEnd: { reason: 'idle', at: 1000 } }));
    expect(farewell()).toBeNull();
    apply(snap({ state: 'idle-warning', sessionId: 'a-2', warningEndsAt: 5000, lastEnd: { reason: 'idle', at: 1000 } }));
    expect(farewell()).toBeNull();
  });

  it('is a terminal store: not wiped by the citizen reset', async () => {
    const { resetCitizenStores } = await import('#renderer/state/storeRegistry');
    apply(snap({ state: 'active', sessionId: 'a-1' }));
    resetCitizenStores();
    expect(useSessionStore.getState().snapshot?.state).toBe('active');
  });
});
