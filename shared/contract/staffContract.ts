import { z } from '../zodConfig';

/**
 * Staff at the terminal (README.md, "Help calls and staff access"): the PIN pad, assist
 * mode and its actions, and the out-of-order state. The core decides: it checks the PIN against the
 * config's hashes, counts wrong PINs, locks assist mode after the configured idle time, and refuses
 * every action while assist mode is locked. The PIN itself is never stored or logged.
 */
const empty = z.strictObject({});

/** Whether the terminal is out of order, and where citizens are sent meanwhile (persisted across restarts). */
export const terminalStatusSchema = z.strictObject({
  outOfOrder: z.boolean(),
  /** The configured place, e.g. "Foyer, Schalter 1", shown as written; null when not configured. */
  place: z.string().max(120).nullable(),
});
export type TerminalStatus = z.infer<typeof terminalStatusSchema>;

export const assistViewSchema = z.strictObject({
  /** locked: the citizen's screens; open: assist mode is shown. */
  mode: z.enum(['locked', 'open']),
  /** Whether any PIN hash is configured (without one the PIN pad says assist mode is not set up). */
  configured: z.boolean(),
  /** Epoch ms until which the PIN pad takes no PIN after too many wrong ones; null when it takes PINs. */
  padLockedUntil: z.number().int().nonnegative().nullable(),
  /** The pad stays locked until IT resets the PIN (too many wrong PINs since the last right one); no time-out. */
  padLockedForGood: z.boolean(),
  /** Wrong PINs left before the pad locks. */
  attemptsLeft: z.number().int().nonnegative(),
  /** Epoch ms at which open assist mode locks itself unless staff touch it; null when locked. */
  locksAt: z.number().int().nonnegative().nullable(),
});
export type AssistView = z.infer<typeof assistViewSchema>;

export const staffActions = [
  /** Ends the citizen's session; their screen says a staff member restarted it. */
  'reset-session',
  /** Ends the citizen's session and locks assist mode. */
  'end-and-lock',
  'acknowledge-help',
  'resolve-help',
  /** Shows each light state in turn for a moment, then the current one again. */
  'test-light',
  'out-of-order-on',
  'out-of-order-off',
  'reload-content',
  /** Restarts the kiosk application (the host exits with restartExitCode; the service manager or launcher starts it again). */
  'restart-app',
  /** Quits to the operating system; needs `confirmed: true` (the second confirmation). */
  'quit-app',
] as const;
export type StaffAction = (typeof staffActions)[number];

/** Exit code of a restart asked for by staff: the launcher and systemd start the kiosk again (see shared/exitCodes.ts). */
export { restartExitCode } from '../exitCodes';

/** Anonymous counters: how often things happened, never who or what. */
export const staffCountersSchema = z.strictObject({
  /** Berlin date (YYYY-MM-DD) the `today` counts are for. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  today: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), z.number().int().nonnegative()),
  /** Since the counters file was created. */
  total: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), z.number().int().nonnegative()),
});
export type StaffCounters = z.infer<typeof staffCountersSchema>;

export const staffActionResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('done') }),
  /** The action did not work; `reason` is a key the staff UI translates. */
  z.strictObject({
    status: z.literal('failed'),
    reason: z.enum(['nothing-to-do', 'no-content', 'content-invalid', 'no-light', 'not-confirmed', 'not-written']),
  }),
]);
export type StaffActionResult = z.infer<typeof staffActionResultSchema>;

export const staffRequestChannels = {
  /** A PIN from the pad (6–12 digits): opens assist mode, or says how many tries are left / until when the pad is locked. */
  'staff.unlock': {
    request: z.strictObject({ pin: z.string().regex(/^\d{6,12}$/) }),
    response: z.strictObject({ outcome: z.enum(['open', 'wrong', 'pad-locked', 'not-configured']), assist: assistViewSchema }),
  },
  /** Staff leave assist mode. */
  'staff.lock': { request: empty, response: assistViewSchema },
  /** A staff touch in assist mode: restarts its idle lock. */
  'staff.activity': { request: empty, response: assistViewSchema },
  /** Runs an action; refused with 'invalid-state' while assist mode is locked. */
  'staff.action': {
    request: z.strictObject({ action: z.enum(staffActions), confirmed: z.boolean().optional() }),
    response: staffActionResultSchema,
  },
  /** What assist mode shows: counters (devices and help come through their own channels). Only while open. */
  'staff.counters': { request: empty, response: staffCountersSchema },
  /** Assist mode and out-of-order as they are now (after a reload of the UI). */
  'staff.status': { request: empty, response: z.strictObject({ assist: assistViewSchema, terminal: terminalStatusSchema }) },
} as const;

export const staffEventChannels = {
  'staff.changed': assistViewSchema,
  'terminal.changed': terminalStatusSchema,
} as const;
