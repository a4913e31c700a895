/**
 * Runs in the kiosk UI page before any of its own scripts (Chromium host only). It plays the role
 * of Electron's preload: builds `window.kiosk` from the contract on top of the host's binding.
 */
import { transportNames } from '#shared/contract/channels';
import { createKioskApi } from '#shared/contract/kioskApi';

type Binding = (channel: string, payload: unknown) => Promise<unknown>;
type EventListener = (event: string, payload: unknown) => void;

const scope = window as unknown as Record<string, unknown>;
const binding = scope[transportNames.binding] as Binding | undefined;

if (window.top === window && typeof binding === 'function') {
  const listeners = new Set<EventListener>();
  Object.defineProperty(window, transportNames.deliver, {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners) listener(event, payload);
    },
    enumerable: false,
    configurable: false,
    writable: false,
  });
  const api = createKioskApi({
    invoke: (channel, payload) => binding(channel, payload),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'kiosk', { value: api, enumerable: false, configurable: false, writable: false });
}
