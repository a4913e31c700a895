import { z } from '../zodConfig';
import { uiLanguages } from '../i18n/languages';

/**
 * What a terminal tells staff about a help call (docs/architecture.md, "Help calls and staff"): one
 * event per change of the call, sent to every configured remote channel (webhook, later MQTT).
 * It says where and when help is needed and nothing about the person: terminal, location, time,
 * the screen the citizen was on and the language they use. The schema is strict, so nothing else
 * can be added by accident.
 *
 * `eventId` is unique per event and stays the same on every retry and after a restart: receivers
 * de-duplicate by it (delivery is at least once). `callId` groups the events of one call.
 */

export const helpEventTypes = ['requested', 'acknowledged', 'escalated', 'cancelled', 'resolved'] as const;
export type HelpEventType = (typeof helpEventTypes)[number];

export const helpEventVersion = 1;

/** A screen id such as "info-search": lower-case letters, digits and dashes, at most 40. */
export const helpScreenIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,39})$/, 'must be a screen id: lower-case letters, digits and dashes (at most 40)')
  .max(40);

export const helpEventSchema = z.strictObject({
  version: z.literal(helpEventVersion),
  /** Unique per event; the key receivers de-duplicate by. */
  eventId: z.uuid(),
  /** The same for every event of one call. */
  callId: z.uuid(),
  type: z.enum(helpEventTypes),
  /** When it happened at the terminal (ISO 8601 with offset). */
  at: z.iso.datetime({ offset: true }),
  terminal: z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    name: z.string().min(1).max(80),
    site: z.string().min(1).max(120),
  }),
  /** Where the terminal stands, e.g. "Foyer, next to the entrance"; null when not configured. */
  location: z.string().min(1).max(200).nullable(),
  screen: helpScreenIdSchema,
  language: z.enum(uiLanguages),
});

export type HelpEvent = z.infer<typeof helpEventSchema>;
