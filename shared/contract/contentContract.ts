import { z } from '../zodConfig';
import { uiLanguages } from '../i18n/languages';
import { printResultSchema } from '../devices/receipt';

/**
 * What the information terminal's screens ask the core for (README.md, "Content pack (information terminal)"). Texts
 * arrive in one language each: the one asked for where the pack has it, else German or English;
 * `lang` says which, so the UI can mark a text that is not in the citizen's language.
 */
const language = z.enum(uiLanguages);
const contentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

export const shownTextSchema = z.strictObject({ text: z.string().max(4000), lang: language });
export type ShownText = z.infer<typeof shownTextSchema>;

export const serviceSummarySchema = z.strictObject({
  id: contentId,
  name: shownTextSchema,
  local: z.boolean(),
  /** The service's first topic, to tell apart services with similar names. */
  topic: shownTextSchema.nullable(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const point = z.strictObject({ x: z.number(), y: z.number() });

export const serviceDetailSchema = z.strictObject({
  id: contentId,
  name: shownTextSchema,
  local: z.boolean(),
  summary: shownTextSchema.nullable(),
  bring: z.array(shownTextSchema).max(30),
  fees: shownTextSchema.nullable(),
  durationMinutes: z.number().int().nullable(),
  appointment: z.enum(['required', 'recommended', 'none']).nullable(),
  onlineUrl: z.string().max(500).nullable(),
  appointmentUrl: z.string().max(500).nullable(),
  department: shownTextSchema.nullable(),
  advice: shownTextSchema.nullable(),
  /** Where the service is given in this building, with what the wayfinding view needs. */
  place: z
    .strictObject({
      room: z.strictObject({ number: z.string().max(20), name: shownTextSchema, directions: shownTextSchema, at: point }),
      floor: z.strictObject({ id: contentId, name: shownTextSchema, level: z.number().int() }),
      plan: z.strictObject({ svg: z.string().max(2_000_000), width: z.number().positive(), height: z.number().positive() }),
      /** The terminal on this plan ("you are here"), or null when it stands on another floor. */
      here: point.nullable(),
      hereFloor: shownTextSchema,
    })
    .nullable(),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

export const openingStateSchema = z.strictObject({
  open: z.boolean(),
  /** ISO date-time of the next opening when closed (null when open or none within 30 days). */
  nextOpening: z.string().max(40).nullable(),
});

export const queueCategorySummarySchema = z.strictObject({
  id: contentId,
  prefix: z.string().length(1),
  name: shownTextSchema,
  note: shownTextSchema.nullable(),
});

export const contentHomeSchema = z.strictObject({
  /** False when no valid content pack could be loaded: the terminal then offers nothing but help. */
  available: z.boolean(),
  sampleData: z.boolean(),
  topics: z.array(z.strictObject({ id: contentId, name: shownTextSchema })).max(40),
  opening: openingStateSchema,
  queue: z.array(queueCategorySummarySchema).max(6),
});
export type ContentHome = z.infer<typeof contentHomeSchema>;

// Control characters could carry printer commands.
// eslint-disable-next-line no-control-regex -- the pattern is the list of control characters
const noControlCharacters = /^[^\u0000-\u001F\u007F]*$/;
const label = z.string().trim().min(1).max(200).regex(noControlCharacters, 'must not contain control characters');

/** The fixed texts of a printed queue ticket, translated by the UI. */
export const ticketLabelsSchema = z.strictObject({ heading: label, drawnAt: label, waitingBefore: label, notice: label });
export type TicketLabels = z.infer<typeof ticketLabelsSchema>;

/** The fixed texts of the printed information slip, translated by the UI. */
export const slipLabelsSchema = z.strictObject({
  bring: label,
  fees: label,
  place: label,
  hours: label,
  /** Monday to Sunday, short. */
  weekdays: z.array(label).length(7),
  closed: label,
  online: label,
  appointment: label,
  sampleData: label,
});
export type SlipLabels = z.infer<typeof slipLabelsSchema>;

export const ticketSchema = z.strictObject({
  /** As printed: prefix and number, e.g. "A 17". */
  code: z.string().max(12),
  categoryId: contentId,
  /** ISO date-time. */
  drawnAt: z.string().max(40),
  /** Tickets of this category drawn shortly before this one at this terminal. */
  waitingBefore: z.number().int().min(0),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** For staff: the content pack in use, and whether a newer edit was refused (with its first problems). */
export const contentStatusSchema = z.strictObject({
  /** ok: in use as on disk; kept: an edit is invalid, the last good pack stays; missing: no valid pack; none: not configured. */
  state: z.enum(['ok', 'kept', 'missing', 'none']),
  version: z.string().max(40).nullable(),
  problemCount: z.number().int().min(0),
  problems: z
    .array(z.strictObject({ file: z.string().max(200), path: z.string().max(300), line: z.number().int().nullable(), message: z.string().max(300) }))
    .max(10),
});
export type ContentStatusView = z.infer<typeof contentStatusSchema>;

const withLanguage = { language };

/** The content channels, merged into requestChannels (channels.ts). */
export const contentRequestChannels = {
  /** The content pack's state, for the staff indicator. */
  'content.status': { request: z.strictObject({}), response: contentStatusSchema },
  /** Start of the information terminal: featured topics, opening state, queue categories. */
  'content.home': { request: z.strictObject(withLanguage), response: contentHomeSchema },
  /** The services of one topic. */
  'content.topic': {
    request: z.strictObject({ ...withLanguage, topicId: contentId }),
    response: z.strictObject({ name: shownTextSchema, services: z.array(serviceSummarySchema).max(1000) }),
  },
  /** Search as the citizen types (every keystroke). */
  'content.search': {
    request: z.strictObject({ ...withLanguage, query: z.string().max(100) }),
    response: z.strictObject({ hits: z.array(serviceSummarySchema).max(20) }),
  },
  /** One service with everything the detail and wayfinding screens show. */
  'content.service': { request: z.strictObject({ ...withLanguage, serviceId: contentId }), response: serviceDetailSchema },
  /**
   * Prints the information slip of a service. Labels come in the citizen's language and in German:
   * the slip is printed in German when the printer's code page cannot print the citizen's script.
   */
  'content.printSlip': {
    request: z.strictObject({ ...withLanguage, serviceId: contentId, labels: slipLabelsSchema, germanLabels: slipLabelsSchema }),
    response: z.strictObject({ print: printResultSchema, printedIn: language }),
  },
  /** Draws a queue ticket and prints it (refused with 'closed' outside opening hours). */
  'queue.draw': {
    request: z.strictObject({ ...withLanguage, categoryId: contentId, labels: ticketLabelsSchema, germanLabels: ticketLabelsSchema }),
    response: z.strictObject({ ticket: ticketSchema, print: printResultSchema, printedIn: language }),
  },
} as const;

export const contentEventChannels = {
  /** The content pack was reloaded or an edit was refused. */
  'content.changed': contentStatusSchema,
} as const;
