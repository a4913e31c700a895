import { z } from '../zodConfig';

/**
 * Staff access to a terminal (README.md, "Help calls and staff access"): the hidden
 * gesture that opens the PIN pad, the PIN hashes, when assist mode locks itself, and where citizens
 * are sent while the terminal is out of order. PINs are never in the config, only slow hashes made
 * by `npm run staff:pin` (format `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`).
 */

export const staffGestureCorners = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type StaffGestureCorner = (typeof staffGestureCorners)[number];
export const staffLanguages = ['de', 'en'] as const;
export type StaffLanguage = (typeof staffLanguages)[number];

/** `scrypt$15$8$1$<salt>$<hash>`: the form `npm run staff:pin` prints. */
export const pinHashPattern = /^scrypt\$(1[4-9]|20)\$([1-9]|1[0-6])\$([1-4])\$[A-Za-z0-9+/]{22,}={0,2}\$[A-Za-z0-9+/]{43,}={0,2}$/;

const defaults = {
  corner: 'top-left' as StaffGestureCorner,
  taps: 5,
  withinSeconds: 3,
  lockAfterSeconds: 120,
  lockAfterFailures: 20,
  language: 'de' as StaffLanguage,
};

export const staffConfigSchema = z
  .strictObject({
    pinHashes: z
      .array(z.string().regex(pinHashPattern, 'must be a hash made by `npm run staff:pin` (scrypt$…), never the PIN itself'))
      .min(1)
      .max(50)
      .describe('Hashes of the staff PINs (made by `npm run staff:pin`); any of them opens assist mode.'),
    gesture: z
      .strictObject({
        corner: z.enum(staffGestureCorners).default(defaults.corner).describe('The screen corner staff tap to open the PIN pad.'),
        taps: z.number().int().min(3).max(10).default(defaults.taps).describe('How many taps in that corner (default 5).'),
        withinSeconds: z.number().min(1).max(10).default(defaults.withinSeconds).describe('Within how many seconds (default 3).'),
      })
      .optional()
      .describe('The hidden gesture that opens the PIN pad.'),
    lockAfterSeconds: z
      .number()
      .int()
      .min(15)
      .max(3600)
      .default(defaults.lockAfterSeconds)
      .describe('Assist mode locks itself after this many seconds without a staff touch (default 120).'),
    lockAfterFailures: z
      .number()
      .int()
      .min(6)
      .max(1000)
      .default(defaults.lockAfterFailures)
      .describe(
        'After this many wrong PINs since the last right one the PIN pad stays locked until IT resets the PIN (new PIN hashes, see README); default 20, at least 6.',
      ),
    language: z.enum(staffLanguages).default(defaults.language).describe('Language the staff screens open in (German or English; staff can switch).'),
    outOfOrderPlace: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe('Where citizens are sent while the terminal is out of order, e.g. "Foyer, Schalter 1" (shown as written, in every language).'),
  })
  .describe('Staff access: PIN hashes, the hidden gesture, automatic lock, out-of-order directions.');

/** The staff section with every default filled in; `pinHashes` empty means assist mode cannot be opened. */
export interface StaffConfig {
  readonly pinHashes: readonly string[];
  readonly gesture: { readonly corner: StaffGestureCorner; readonly taps: number; readonly withinSeconds: number };
  readonly lockAfterSeconds: number;
  /** Wrong PINs since the last right one after which the pad stays locked until IT resets the PIN. */
  readonly lockAfterFailures: number;
  readonly language: StaffLanguage;
  readonly outOfOrderPlace: string | null;
}

/** Fills in the defaults; no section: no PIN works, so assist mode stays closed (the config says how to add one). */
export function resolveStaffConfig(parsed: z.output<typeof staffConfigSchema> | undefined): StaffConfig {
  return {
    pinHashes: parsed?.pinHashes ?? [],
    gesture: {
      corner: parsed?.gesture?.corner ?? defaults.corner,
      taps: parsed?.gesture?.taps ?? defaults.taps,
      withinSeconds: parsed?.gesture?.withinSeconds ?? defaults.withinSeconds,
    },
    lockAfterSeconds: parsed?.lockAfterSeconds ?? defaults.lockAfterSeconds,
    lockAfterFailures: parsed?.lockAfterFailures ?? defaults.lockAfterFailures,
    language: parsed?.language ?? defaults.language,
    outOfOrderPlace: parsed?.outOfOrderPlace ?? null,
  };
}
