import { z } from '../zodConfig';
import { uiLanguages, type UiLanguage } from '../i18n/languages';

/**
 * The content pack (README.md, "Content pack (information terminal)"): what the information terminal
 * knows about services, topics, departments, the building, opening hours and queue categories.
 * A pack is a folder in kiosk-config/content/<pack>/ with `pack.json` and the files it names.
 * Every text is per language; German is required, other languages are optional and the UI marks
 * a text shown in German or English instead of the chosen language.
 */
export const contentFormatVersion = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and dashes');
const language = z.enum(uiLanguages);

const text = z.string().trim().min(1).max(4000);
/** A text in several languages; German always. */
export const localizedTextSchema = z.strictObject({
  de: text,
  'de-x-ls': text.optional(),
  en: text.optional(),
  ar: text.optional(),
  uk: text.optional(),
  ru: text.optional(),
  tr: text.optional(),
  fa: text.optional(),
} satisfies Record<UiLanguage, z.ZodType>);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const localizedList = z.array(localizedTextSchema).max(30);
const httpsUrl = z
  .string()
  .max(500)
  .regex(/^https:\/\/[^\s]+$/, 'must be an https:// address');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

export const serviceSchema = z.strictObject({
  id,
  /** 14-digit key of the federal service catalogue (LeiKa), where known. */
  leikaKey: z
    .string()
    .regex(/^\d{14}$/, 'must be 14 digits')
    .optional(),
  name: localizedTextSchema,
  /** One or two plain sentences: what it is and who needs it. */
  summary: localizedTextSchema.optional(),
  /** Colloquial words and other names citizens search for ("Perso", "Ummeldung"), per language. */
  synonyms: z.partialRecord(language, z.array(z.string().trim().min(1).max(80)).max(40)).optional(),
  topics: z.array(id).max(10).default([]),
  /** Offered here, at this Bürgerservice (ranked first in search). */
  local: z.boolean().default(false),
  bring: localizedList.optional(),
  fees: localizedTextSchema.optional(),
  durationMinutes: z.number().int().min(1).max(600).optional(),
  appointment: z.enum(['required', 'recommended', 'none']).optional(),
  onlineUrl: httpsUrl.optional(),
  appointmentUrl: httpsUrl.optional(),
  department: id.optional(),
  room: id.optional(),
  /** Where to turn when the service is not offered here. */
  advice: localizedTextSchema.optional(),
});
export type Service = z.infer<typeof serviceSchema>;

export const topicSchema = z.strictObject({
  id,
  name: localizedTextSchema,
  /** A topic area (Themenfeld) or a life situation (Lebenslage). */
  kind: z.enum(['topic', 'lifeSituation']),
  /** Shown as a large tile on the start of browsing. */
  featured: z.boolean().default(false),
});
export type Topic = z.infer<typeof topicSchema>;

export const departmentSchema = z.strictObject({
  id,
  name: localizedTextSchema,
  phone: z.string().max(40).optional(),
  email: z.string().max(120).optional(),
});

const point = z.strictObject({ x: z.number().min(0).max(10000), y: z.number().min(0).max(10000) });

export const roomSchema = z.strictObject({
  id,
  /** The number on the door, e.g. "E.12". */
  number: z.string().trim().min(1).max(20),
  name: localizedTextSchema,
  floor: id,
  /** Where the room's door is on the floor plan (plan coordinates). */
  at: point,
  /** Plain-language directions from the information terminal. */
  directions: localizedTextSchema,
});

export const floorSchema = z.strictObject({
  id,
  name: localizedTextSchema,
  level: z.number().int().min(-5).max(50),
  /** SVG floor plan, a file in the pack's folder. */
  plan: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.svg$/, 'must be a .svg file inside the pack'),
  /** The plan's coordinate space (its viewBox width and height). */
  size: z.strictObject({ width: z.number().positive().max(10000), height: z.number().positive().max(10000) }),
});

export const locationSchema = z.strictObject({
  building: z.strictObject({ name: localizedTextSchema, address: z.string().max(200) }),
  floors: z.array(floorSchema).min(1).max(20),
  rooms: z.array(roomSchema).max(500),
  /** Where the information terminal stands ("you are here"). */
  terminal: z.strictObject({ floor: id, at: point }),
});

const hoursRange = z.strictObject({ from: time, to: time });
const weekday = z.array(hoursRange).max(4);

export const openingHoursSchema = z.strictObject({
  weekly: z.strictObject({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekday, sun: weekday }),
  holidays: z.array(z.strictObject({ date, name: localizedTextSchema })).max(200),
  /** Days that differ: other hours (empty list: closed), with a note. */
  exceptions: z.array(z.strictObject({ date, hours: z.array(hoursRange).max(4), note: localizedTextSchema.optional() })).max(200),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const queueCategorySchema = z.strictObject({
  id,
  /** Letter before the number on the ticket, e.g. "A" → A 17. */
  prefix: z.string().regex(/^[A-Z]$/, 'must be one capital letter'),
  name: localizedTextSchema,
  note: localizedTextSchema.optional(),
});

/** `pack.json`: what the pack is and which files hold its parts. */
export const packManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(contentFormatVersion),
  id,
  /** The pack's own version, e.g. a date; shown to staff. */
  version: z.string().trim().min(1).max(40),
  title: localizedTextSchema,
  /** True while the texts are examples that the city still has to check. */
  sampleData: z.boolean(),
  /** Where the data comes from and under which licence (kept with every copy). */
  attribution: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
  /** Services and topics may come in several files (the city's own, an imported catalogue). */
  files: z.strictObject({
    services: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/))
      .min(1)
      .max(20),
    topics: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/))
      .min(1)
      .max(20),
    departments: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/),
    location: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/),
    openingHours: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/),
    queue: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.json$/),
  }),
});

export const servicesFileSchema = z.strictObject({ $schema: z.string().optional(), services: z.array(serviceSchema).max(20000) });
export const topicsFileSchema = z.strictObject({ $schema: z.string().optional(), topics: z.array(topicSchema).max(2000) });
export const departmentsFileSchema = z.strictObject({ $schema: z.string().optional(), departments: z.array(departmentSchema).max(500) });
export const locationFileSchema = locationSchema.extend({ $schema: z.string().optional() });
export const openingHoursFileSchema = openingHoursSchema.extend({ $schema: z.string().optional(), timeZone: z.literal('Europe/Berlin') });
export const queueFileSchema = z.strictObject({ $schema: z.string().optional(), categories: z.array(queueCategorySchema).min(1).max(6) });

/** A whole pack after loading: every file validated and every reference checked. */
export interface ContentPack {
  readonly manifest: z.infer<typeof packManifestSchema>;
  readonly services: readonly Service[];
  readonly topics: readonly Topic[];
  readonly departments: readonly z.infer<typeof departmentSchema>[];
  readonly location: z.infer<typeof locationSchema>;
  /** The floor plans' SVG text by file name. */
  readonly plans: Readonly<Record<string, string>>;
  readonly openingHours: OpeningHours;
  readonly queueCategories: readonly z.infer<typeof queueCategorySchema>[];
}
