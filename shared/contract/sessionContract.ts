import { z } from '../zodConfig';
import { sessionSnapshotSchema } from '../session/sessionState';

const empty = z.strictObject({});

/** The session channels, merged into requestChannels (channels.ts). */
export const sessionRequestChannels = {
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
} as const;

export const sessionEventChannels = {
  /** The session changed state (pushed by the host). */
  'session.changed': sessionSnapshotSchema,
} as const;
