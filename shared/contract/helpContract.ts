import { z } from '../zodConfig';
import { uiLanguages } from '../i18n/languages';
import { helpScreenIdSchema } from '../help/helpEvent';

/**
 * The call for help as the UI sees it (docs/architecture.md, "Help calls and staff"). The core owns the
 * call (states, escalation timer, signal light, outbox to staff channels); the UI shows it and
 * sounds the chime when `status` becomes requested (louder when `escalated` becomes true).
 */
const empty = z.strictObject({});

export const helpViewSchema = z.strictObject({
  status: z.enum(['clear', 'requested', 'acknowledged']),
  /** The open call's id (null when clear); the same id staff channels received. */
  callId: z.uuid().nullable(),
  /** Nobody acknowledged in time: the second channel and the louder signal are on. */
  escalated: z.boolean(),
  /** Epoch ms when the open call was requested (null when clear). */
  requestedAt: z.number().int().nonnegative().nullable(),
});
export type HelpView = z.infer<typeof helpViewSchema>;

export const clearHelpView: HelpView = { status: 'clear', callId: null, escalated: false, requestedAt: null };

export const helpRequestChannels = {
  /** The citizen confirmed "call staff": the screen they are on and their language go with the call. */
  'help.request': { request: z.strictObject({ screen: helpScreenIdSchema, language: z.enum(uiLanguages) }), response: helpViewSchema },
  /** The citizen takes the call back. */
  'help.cancel': { request: empty, response: helpViewSchema },
  /** The call as it is now (after a reload of the UI). */
  'help.status': { request: empty, response: helpViewSchema },
} as const;

export const helpEventChannels = {
  'help.changed': helpViewSchema,
} as const;
