import { beforeEach, describe, expect, it } from 'vitest';
import { useHelpCallStore, useHelpConfirmStore } from '#renderer/help/helpStore';
import { useStaffStore } from '#renderer/staff/staffStore';
import { usePreferencesStore } from '#renderer/state/preferencesStore';
import { useSessionStore } from '#renderer/state/sessionStore';
import { registeredStores, resetCitizenStores } from '#renderer/state/storeRegistry';
import { applySessionSnapshot } from '#renderer/session/sessionSync';
import type { KioskApi } from '#shared/contract/kioskApi';
import type { AssistView } from '#shared/contract/staffContract';
import { initialSessionSnapshot, type SessionSnapshot } from '#shared/session/sessionState';

const kinds = (): Record<string, string> => Object.fromEntries(registeredStores().map((e) => [e.name, e.kind]));
const assist = (patch: Partial<AssistView> = {}): AssistView => ({
  mode: 'locked',
  configured: true,
  padLockedUntil: null,
  padLockedForGood: false,
  attemptsLeft: 5,
  locksAt: null,
  ...patch,
});
const snap = (patch: Partial<SessionSnapshot>): SessionSnapshot => ({ ...initialSessionSnapshot, ...patch });
const api = { invoke: () => Promise.resolve({ ok: true, value: {} }), on: () => () => undefined } as unknown as KioskApi;

beforeEach(() => {
  resetCitizenStores();
  useHelpCallStore.setState(useHelpCallStore.getInitialState(), true);
  useStaffStore.setState(useStaffStore.getInitialState(), true);
  useSessionStore.setState(useSessionStore.getInitialState(), true);
});

describe('help and staff stores and the session reset', () => {
  it('keeps the call for help across a reset (it lives in core), but drops the citizen’s open question', () => {
    expect(kinds()).toMatchObject({ helpCall: 'terminal', helpConfirm: 'citizen', staff: 'terminal' });
    useHelpCallStore.getState().setView({ status: 'requested', callId: '11111111-1111-4111-8111-111111111111', escalated: false, requestedAt: 5 });
    useHelpConfirmStore.getState().ask('info-search');
    resetCitizenStores();
    expect(useHelpCallStore.getState().view.status).toBe('requested');
    expect(useHelpConfirmStore.getState().askingOn).toBeNull();
  });

  it('keeps assist mode open across a citizen reset (a staff reset ends the session, not the staff’s visit)', () => {
    useStaffStore.getState().setAssist(assist({ mode: 'open', locksAt: 1000 }));
    useStaffStore.getState().chooseLanguage('en');
    resetCitizenStores();
    expect(useStaffStore.getState().assist?.mode).toBe('open');
    expect(useStaffStore.getState().language).toBe('en');
  });

  it('holds no PIN: its state is assist mode, out of order and the staff screens’ own state', () => {
    expect(
      Object.keys(useStaffStore.getState())
        .filter((key) => typeof useStaffStore.getState()[key as keyof ReturnType<typeof useStaffStore.getState>] !== 'function')
        .sort(),
    ).toEqual(['assist', 'confirmingQuit', 'language', 'outcome', 'padOpen', 'terminal'].sort());
  });

  it('closes the PIN pad when assist mode opens, and forgets the visit when it locks', () => {
    useStaffStore.getState().setAssist(assist());
    useStaffStore.getState().openPad();
    expect(useStaffStore.getState().padOpen).toBe(true);
    useStaffStore.getState().setAssist(assist({ mode: 'open' }));
    expect(useStaffStore.getState().padOpen).toBe(false);
    useStaffStore.getState().chooseLanguage('en');
    useStaffStore.getState().askQuit();
    useStaffStore.getState().showOutcome({ action: 'test-light', status: 'done' });
    useStaffStore.getState().setAssist(assist({ mode: 'locked' }));
    expect(useStaffStore.getState()).toMatchObject({ padOpen: false, language: null, confirmingQuit: false, outcome: null });
  });

  it('does not open the PIN pad while assist mode is open', () => {
    useStaffStore.getState().setAssist(assist({ mode: 'open' }));
    useStaffStore.getState().openPad();
    expect(useStaffStore.getState().padOpen).toBe(false);
  });
});

describe('the farewell after a staff reset', () => {
  it('keeps the citizen’s language for the staff reset message, and only for it', async () => {
    await applySessionSnapshot(api, snap({ state: 'active', sessionId: 's-1' }));
    usePreferencesStore.getState().chooseLanguage('ar');
    await applySessionSnapshot(api, snap({ state: 'resetting', sessionId: 's-1', resetId: 'r-1' }));
    expect(usePreferencesStore.getState().language).toBeNull();
    await applySessionSnapshot(api, snap({ state: 'attract', lastEnd: { reason: 'staff', at: 1 } }));
    expect(useSessionStore.getState()).toMatchObject({ farewell: 'staff', farewellLanguage: 'ar' });
    useSessionStore.getState().clearFarewell();
    expect(useSessionStore.getState().farewellLanguage).toBeNull();
  });

  it('keeps nothing when the session ended any other way', async () => {
    await applySessionSnapshot(api, snap({ state: 'active', sessionId: 's-1' }));
    usePreferencesStore.getState().chooseLanguage('uk');
    await applySessionSnapshot(api, snap({ state: 'resetting', sessionId: 's-1', resetId: 'r-1' }));
    await applySessionSnapshot(api, snap({ state: 'attract', lastEnd: { reason: 'end', at: 1 } }));
    expect(useSessionStore.getState()).toMatchObject({ farewell: 'end', farewellLanguage: null });
  });

  it('forgets it when the next session starts', async () => {
    await applySessionSnapshot(api, snap({ state: 'active', sessionId: 's-1' }));
    usePreferencesStore.getState().chooseLanguage('fa');
    await applySessionSnapshot(api, snap({ state: 'resetting', sessionId: 's-1', resetId: 'r-1' }));
    await applySessionSnapshot(api, snap({ state: 'attract', lastEnd: { reason: 'staff', at: 1 } }));
    await applySessionSnapshot(api, snap({ state: 'active', sessionId: 's-2', lastEnd: { reason: 'staff', at: 1 } }));
    expect(useSessionStore.getState()).toMatchObject({ farewell: null, farewellLanguage: null });
  });
});
