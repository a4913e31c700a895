import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { registeredStores, resetCitizenStores } from '#renderer/state/storeRegistry';
import type { SessionSnapshot } from '#shared/session/sessionState';

/**
 * Every module of the renderer (except the entry point, which boots the app), so that a store
 * exported from any file is covered automatically, whatever the file is called.
 */
const modules = import.meta.glob<Record<string, unknown>>(['/renderer/src/**/*.{ts,tsx}', '!/renderer/src/main.tsx', '!**/*.d.ts'], {
  eager: true,
});

type AnyStore = StoreApi<Record<string, unknown>>;

function isZustandStore(value: unknown): value is AnyStore {
  if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['getState', 'setState', 'subscribe', 'getInitialState'].every((k) => typeof v[k] === 'function');
}

const exported: { name: string; store: AnyStore }[] = [];
for (const [file, mod] of Object.entries(modules)) {
  for (const [exportName, value] of Object.entries(mod)) {
    if (isZustandStore(value)) exported.push({ name: `${file}#${exportName}`, store: value });
  }
}

/** A value of the same kind as `value` but different from it, for any plain state field. */
function changed(value: unknown): unknown {
  if (value === null || value === undefined) return { changedBy: 'test', nested: ['citizen-data'] };
  if (typeof value === 'string') return `${value}-changed-by-test`;
  if (typeof value === 'number') return value + 42;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...(value as unknown[]), 'changed-by-test'];
  if (typeof value === 'object') return { ...(value as Record<string, unknown>), changedByTest: true };
  return value;
}

const activeSnapshot: SessionSnapshot = {
  state: 'active',
  sessionId: 'abc-1',
  warningEndsAt: null,
  extensionsUsed: 3,
  resetId: null,
  lastEnd: null,
};

/** Puts every store into a non-initial state: through its actions where it has known ones, then every data field. */
function dirtyEverything(): void {
  for (const { store } of exported) {
    const state = store.getState();
    // Call the known actions with non-initial values.
    if (typeof state.chooseLanguage === 'function') (state.chooseLanguage as (l: string) => void)('en');
    if (typeof state.applySnapshot === 'function') (state.applySnapshot as (s: SessionSnapshot) => void)(activeSnapshot);
    if (typeof state.setStartFailed === 'function') (state.setStartFailed as () => void)();
    // And change every data field, known or not.
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(store.getState())) {
      if (typeof value !== 'function') patch[key] = changed(value);
    }
    store.setState(patch);
  }
}

describe('renderer store registry', () => {
  it('finds the renderer’s stores', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
    expect(exported.length).toBeGreaterThanOrEqual(3);
  });

  it('every exported zustand store is registered (an unregistered store would escape the reset)', () => {
    const registered = new Set(registeredStores().map((entry) => entry.store));
    const missing = exported.filter(({ store }) => !registered.has(store as StoreApi<unknown>)).map(({ name }) => name);
    expect(missing, `stores not defined through defineCitizenStore/defineTerminalStore: ${missing.join(', ')}`).toEqual([]);
  });

  it('registers each store once, under a unique name, as citizen or terminal', () => {
    const entries = registeredStores();
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.store)).size).toBe(entries.length);
    for (const entry of entries) expect(['citizen', 'terminal']).toContain(entry.kind);
    const kinds = Object.fromEntries(entries.map((e) => [e.name, e.kind]));
    expect(kinds).toMatchObject({ preferences: 'citizen', session: 'terminal', terminal: 'terminal' });
  });

  it('resetCitizenStores puts every citizen store back to its initial state and leaves terminal stores alone', () => {
    const entries = registeredStores();
    const citizen = entries.filter((e) => e.kind === 'citizen');
    const terminal = entries.filter((e) => e.kind === 'terminal');
    expect(citizen.length).toBeGreaterThan(0);
    expect(terminal.length).toBeGreaterThan(0);

    dirtyEverything();
    for (const entry of entries) {
      expect(entry.store.getState(), `${entry.name} should have been changed by the test`).not.toEqual(entry.store.getInitialState());
    }
    const terminalBefore = new Map(terminal.map((e) => [e.name, structuredClone(withoutFunctions(e.store.getState()))]));

    resetCitizenStores();

    for (const entry of citizen) {
      expect(entry.store.getState(), entry.name).toEqual(entry.store.getInitialState());
      // Replaced, not merged: no leftover keys.
      expect(Object.keys(entry.store.getState() as object).sort(), entry.name).toEqual(Object.keys(entry.store.getInitialState() as object).sort());
    }
    for (const entry of terminal) {
      expect(withoutFunctions(entry.store.getState()), entry.name).toEqual(terminalBefore.get(entry.name));
    }
  });

  it('keeps the actions working after a reset', async () => {
    const { usePreferencesStore } = await import('#renderer/state/preferencesStore');
    usePreferencesStore.getState().chooseLanguage('en');
    resetCitizenStores();
    expect(usePreferencesStore.getState().language).toBeNull();
    usePreferencesStore.getState().chooseLanguage('de');
    expect(usePreferencesStore.getState().language).toBe('de');
    resetCitizenStores();
  });

  it('refuses to define two stores with the same name', async () => {
    const { defineCitizenStore, defineTerminalStore } = await import('#renderer/state/storeRegistry');
    expect(() => defineCitizenStore('preferences', () => ({}))).toThrow(/twice/);
    expect(() => defineTerminalStore('session', () => ({}))).toThrow(/twice/);
  });
});

function withoutFunctions(state: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state as Record<string, unknown>).filter(([, v]) => typeof v !== 'function'));
}
