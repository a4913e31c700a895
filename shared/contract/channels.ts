import type { z } from '../zodConfig';
import { appRequestChannels } from './appContract';
import { contentEventChannels, contentRequestChannels } from './contentContract';
import { deviceEventChannels, deviceRequestChannels } from './deviceContract';
import { helpEventChannels, helpRequestChannels } from './helpContract';
import { portalEventChannels, portalRequestChannels } from './portalContract';
import { sessionEventChannels, sessionRequestChannels } from './sessionContract';
import { staffEventChannels, staffRequestChannels } from './staffContract';

/**
 * The one IPC contract between the renderer and the host (Electron main or the Chromium host).
 * Every request channel has a request and a response schema; every event a payload schema.
 * Channel names are namespaced `<capability>.<action>`; each capability has its contract file
 * beside this one (`<capability>Contract.ts`) and its handler module in the core
 * (`electron/core/<capability>/<capability>Handlers.ts`).
 */
export const requestChannels = {
  ...appRequestChannels,
  ...sessionRequestChannels,
  ...deviceRequestChannels,
  ...contentRequestChannels,
  ...portalRequestChannels,
  ...helpRequestChannels,
  ...staffRequestChannels,
} as const;

export const eventChannels = {
  ...sessionEventChannels,
  ...deviceEventChannels,
  ...contentEventChannels,
  ...portalEventChannels,
  ...helpEventChannels,
  ...staffEventChannels,
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.infer<(typeof eventChannels)[E]>;

/** One main→renderer event with its payload, as a union that narrows on `event`. */
export type KioskEvent = { [E in EventChannel]: { readonly event: E; readonly payload: EventPayloadOf<E> } }[EventChannel];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.hasOwn(requestChannels, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}

/** Names of the two transport-level messages every host implements. */
export const transportNames = {
  /** Electron: the ipcMain.handle channel for all requests. */
  invoke: 'kiosk:invoke',
  /** Electron: the webContents.send channel for all events. */
  event: 'kiosk:event',
  /** Chromium host: the binding the bridge script calls. */
  binding: '__kioskBridge',
  /** Chromium host: the function the host calls to deliver an event. */
  deliver: '__kioskDeliver',
} as const;
