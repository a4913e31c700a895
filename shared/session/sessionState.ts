import { z } from '../zodConfig';

/** The session lifecycle of docs/architecture.md, "Session". */
export const sessionStates = ['attract', 'active', 'idle-warning', 'resetting'] as const;
export type SessionState = (typeof sessionStates)[number];

/** Why a session ended. `staff` and `trigger` are used by later capabilities (assist mode, card removal). */
export const resetReasons = ['idle', 'end', 'staff', 'trigger'] as const;
export type ResetReason = (typeof resetReasons)[number];

const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** What the core tells the UI about the session. Contains no citizen data. */
export const sessionSnapshotSchema = z.strictObject({
  state: z.enum(sessionStates),
  /** Random id of the current session (null in attract); never linked to a person. */
  sessionId: id.nullable(),
  /** Epoch milliseconds at which the idle warning runs out (only in idle-warning). */
  warningEndsAt: z.number().int().nonnegative().nullable(),
  /** How often "more time" was used in this session. */
  extensionsUsed: z.number().int().nonnegative(),
  /** Id of the reset in progress (only in resetting); the UI confirms it with `session.resetComplete`. */
  resetId: id.nullable(),
  /** How and when the previous session ended, for the end-of-session screen. */
  lastEnd: z.strictObject({ reason: z.enum(resetReasons), at: z.number().int().nonnegative() }).nullable(),
});

export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;

/** The session before the first citizen: attract, nothing known. */
export const initialSessionSnapshot: SessionSnapshot = {
  state: 'attract',
  sessionId: null,
  warningEndsAt: null,
  extensionsUsed: 0,
  resetId: null,
  lastEnd: null,
};
