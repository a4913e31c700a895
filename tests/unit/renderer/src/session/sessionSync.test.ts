import { beforeEach, describe, expect, it } from 'vitest';
import { usePreferencesStore } from '#renderer/state/preferencesStore';
import { useSessionStore } from '#renderer/state/sessionStore';
import { applySessionSnapshot, createActivityReporter, followSession } from '#renderer/session/sessionSync';
import { resetCitizenStores } from '#renderer/state/storeRegistry';
import type { KioskApi } from '#shared/contract/kioskApi';
import type { SessionSnapshot } from '#shared/session/sessionState';

interface Call {
  channel: string;
  payload: unknown;
  languageAtCall: string | null;
  sessionStateAtCall: string | undefined;
}

function fakeApi() {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    invoke: (channel: string, payload: unknown) => {
      calls.push({
        channel,
        payload,
        languageAtCall: usePreferencesStore.getState().language,
        sessionStateAtCall: useSessionStore.getState().snapshot?.state,
      });
      return Promise.resolve({ ok: true, value: {} });
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { api: api as unknown as KioskApi, calls, emit, listenerCount: (e: string) => listeners.get(e)?.size ?? 0 };
}

const snap = (patch: Partial<SessionSnapshot>): SessionSnapshot => ({
  state: 'active',
  sessionId: 'sess-1',
  warningEndsAt: null,
  extensionsUsed: 0,
  resetId: null,
  lastEnd: null,
  ...patch,
});

beforeEach(() => {
  resetCitizenStores();
  useSessionStore.setState(useSessionStore.getInitialState(), true);
});

describe('applySessionSnapshot', () => {
  it('wipes citizen stores before confirming the reset with its id', async () => {
    const { api, calls } = fakeApi();
    await applySessionSnapshot(api, snap({ state: 'active' }));
    usePreferencesStore.getState().chooseLanguage('en');
    expect(usePreferencesStore.getState().language).toBe('en');

    await applySessionSnapshot(api, snap({ state: 'resetting', sessionId: 'sess-1', resetId: 'reset-42' }));

    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      channel: 'session.resetComplete',
      payload: { resetId: 'reset-42' },
      languageAtCall: null,
      sessionStateAtCall: 'resetting',
    });
    expect(usePreferencesStore.getState().language).toBeNull();
  });

  it('does not wipe or confirm for other states', async () => {
    const { api, calls } = fakeApi();
    usePreferencesStore.getState().chooseLanguage('en');
    for (const state of ['active', 'idle-warning', 'attract'] as const) {
      await applySessionSnapshot(api, snap({ state, warningEndsAt: state === 'idle-warning' ? 1000 : null }));
      expect(useSessionStore.getState().snapshot?.state).toBe(state);
    }
    expect(calls).toHaveLength(0);
    expect(usePreferencesStore.getState().language).toBe('en');
  });

  it('does not confirm a resetting snapshot without a reset id', async () => {
    const { api, calls } = fakeApi();
    await applySessionSnapshot(api, snap({ state: 'resetting', resetId: null }));
    expect(calls).toHaveLength(0);
    expect(useSessionStore.getState().snapshot?.state).toBe('resetting');
  });

  it('followSession applies pushed snapshots and unsubscribes', async () => {
    const { api, calls, emit, listenerCount } = fakeApi();
    const off = followSession(api);
    expect(listenerCount('session.changed')).toBe(1);
    usePreferencesStore.getState().chooseLanguage('en');
    emit('session.changed', snap({ state: 'resetting', resetId: 'r-9' }));
    await Promise.resolve();
    expect(calls.map((c) => [c.channel, c.payload, c.languageAtCall])).toEqual([['session.resetComplete', { resetId: 'r-9' }, null]]);
    off();
    expect(listenerCount('session.changed')).toBe(0);
  });
});

describe('createActivityReporter', () => {
  it('reports at most once per interval', () => {
    const { api, calls } = fakeApi();
    let t = 10_000;
    const report = createActivityReporter(api, () => t, 1000);
    report();
    report();
    t += 999;
    report();
    expect(calls).toHaveLength(1);
    t += 1;
    report();
    expect(calls).toHaveLength(2);
    t += 5000;
    report();
    report();
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call).toMatchObject({ channel: 'session.activity', payload: {} });
  });

  it('reports the first input at once, even at time 0, with the default interval of 1 s', () => {
    const { api, calls } = fakeApi();
    let t = 0;
    const report = createActivityReporter(api, () => t);
    report();
    expect(calls).toHaveLength(1);
    t = 999;
    report();
    expect(calls).toHaveLength(1);
    t = 1000;
    report();
    expect(calls).toHaveLength(2);
  });
});
