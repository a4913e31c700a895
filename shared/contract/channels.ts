import { z } from '../zodConfig';
import { terminalRoles } from '../config/kioskConfig';
import { keyActions, keyNameSchema } from '../config/keypadConfig';
import { uiLanguages } from '../i18n/languages';
import { sessionSnapshotSchema } from '../session/sessionState';
import { deviceHealthSchema } from '../devices/deviceHealth';
import { printResultSchema, receiptSchema } from '../devices/receipt';
import { contentRequestChannels, contentStatusSchema } from './contentContract';
import { portalEventChannels, portalRequestChannels } from './portalContract';
import { helpEventChannels, helpRequestChannels } from './helpContract';
import { staffEventChannels, staffRequestChannels } from './staffContract';
import { staffGestureCorners, staffLanguages } from '../config/staffConfig';

/**
 * The one IPC contract between the renderer and the host (Electron main or the Chromium host).
 * Every request channel has a request and a response schema; every event a payload schema.
 * Channel names are namespaced `<capability>.<action>`.
 */
const empty = z.strictObject({});

export const bootstrapSchema = z.strictObject({
  terminal: z.strictObject({
    id: z.string(),
    name: z.string(),
    role: z.enum(terminalRoles),
    site: z.string(),
  }),
  languages: z.strictObject({
    default: z.enum(uiLanguages),
    offered: z.array(z.enum(uiLanguages)),
  }),
  session: z.strictObject({
    idleTimeoutSeconds: z.number().int().positive(),
    warningSeconds: z.number().int().positive(),
  }),
  /** Every key that does something (keyboard defaults and the tactile keypad's keys). */
  keys: z.record(keyNameSchema, z.enum(keyActions)),
  /** The chime at the terminal when help is requested (the UI plays it). */
  help: z.strictObject({
    chime: z.strictObject({ enabled: z.boolean(), repeats: z.number().int().min(1).max(5), volume: z.number().min(0).max(1) }),
  }),
  /** The hidden gesture that opens the PIN pad, and the staff screens' first language. */
  staff: z.strictObject({
    gesture: z.strictObject({ corner: z.enum(staffGestureCorners), taps: z.number().int().min(3).max(10), withinSeconds: z.number().min(1).max(10) }),
    language: z.enum(staffLanguages),
  }),
  snapshot: sessionSnapshotSchema,
});
export type Bootstrap = z.infer<typeof bootstrapSchema>;

const devicesSchema = z.strictObject({ devices: z.array(deviceHealthSchema).max(20) });

export const requestChannels = {
  /** Everything the UI needs to start: terminal identity, languages, timings, current session. */
  'app.bootstrap': { request: empty, response: bootstrapSchema },
  /** First touch on the attract screen. */
  'session.start': { request: empty, response: sessionSnapshotSchema },
  /** The citizen touched or typed something; restarts the idle timer. */
  'session.activity': { request: empty, response: empty },
  /** "More time" in the idle warning. */
  'session.extend': { request: empty, response: sessionSnapshotSchema },
  /** The citizen's "end" button: reset at once. */
  'session.end': { request: empty, response: empty },
  /** The UI has put every citizen store back to its initial state for this reset. */
  'session.resetComplete': {
    request: z.strictObject({ resetId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }),
    response: empty,
  },
  /** Health of every configured device (for the staff indicator). */
  'devices.status': { request: empty, response: devicesSchema },
  /** Prints a receipt on the receipt printer; the job belongs to the current session. */
  'printer.print': { request: z.strictObject({ receipt: receiptSchema }), response: printResultSchema },
  ...contentRequestChannels,
  ...portalRequestChannels,
  ...helpRequestChannels,
  ...staffRequestChannels,
} as const;

export const eventChannels = {
  /** The session changed state (pushed by the host). */
  'session.changed': sessionSnapshotSchema,
  /** A device's health changed; carries the whole list. */
  'devices.changed': devicesSchema,
  /** The content pack was reloaded or an edit was refused. */
  'content.changed': contentStatusSchema,
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
