import { z } from '../zodConfig';
import { terminalRoles } from '../config/kioskConfig';
import { keyActions, keyNameSchema } from '../config/keypadConfig';
import { staffGestureCorners, staffLanguages } from '../config/staffConfig';
import { uiLanguages } from '../i18n/languages';
import { sessionSnapshotSchema } from '../session/sessionState';

/** What the UI needs to start: terminal identity, languages, timings, keys, chime, staff gesture, the session now. */
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

/** The app channel, merged into requestChannels (channels.ts). */
export const appRequestChannels = {
  /** Everything the UI needs to start: terminal identity, languages, timings, current session. */
  'app.bootstrap': { request: z.strictObject({}), response: bootstrapSchema },
} as const;
