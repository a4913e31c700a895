import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

export type KioskStore<S> = UseBoundStore<StoreApi<S>>;

/** Whether a store may hold anything of a citizen (and so must be wiped at every reset). */
export type StoreKind = 'citizen' | 'terminal';

interface RegisteredStore {
  readonly name: string;
  readonly kind: StoreKind;
  readonly store: StoreApi<unknown>;
}

const registry = new Map<string, RegisteredStore>();

function defineStore<S>(name: string, kind: StoreKind, initializer: StateCreator<S>): KioskStore<S> {
  if (registry.has(name)) throw new Error(`store ${name} defined twice`);
  const store = create<S>()(initializer);
  registry.set(name, { name, kind, store });
  return store;
}

/**
 * Defines a store that can hold citizen data. It is registered with the session reset and put
 * back to its initial state at the end of every session. The only way to create such a store.
 */
export function defineCitizenStore<S>(name: string, initializer: StateCreator<S>): KioskStore<S> {
  return defineStore(name, 'citizen', initializer);
}

/**
 * Defines a store for terminal-level state that never holds citizen data (the terminal's config,
 * the session state mirrored from the host). It survives resets.
 */
export function defineTerminalStore<S>(name: string, initializer: StateCreator<S>): KioskStore<S> {
  return defineStore(name, 'terminal', initializer);
}

/** The one renderer-side reset: every citizen store back to its initial state. */
export function resetCitizenStores(): void {
  for (const entry of registry.values()) {
    if (entry.kind === 'citizen') entry.store.setState(entry.store.getInitialState(), true);
  }
}

/** All defined stores (for the tests that prove nothing escapes the reset). */
export function registeredStores(): readonly RegisteredStore[] {
  return [...registry.values()];
}
