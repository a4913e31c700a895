import { z } from '../zodConfig';
import { localizedTextSchema, type LocalizedText } from '../content/contentPack';
import { isEidClientUrl, parseUrl } from './webOrigin';
import { documentPrinterConfigSchema, type DocumentPrinterConfig } from './documentPrinterConfig';

/**
 * The online services of a self-service workstation (README.md, "Online services (workstation)"): one tile
 * per service, each with the exact origins it may use. The policies in electron/core/portal/ decide
 * everything else from a tile; nothing here is a pattern or a wildcard, so what is allowed can be
 * read off the file.
 */

/** Icons a tile can show; the renderer draws each of them. */
export const portalIcons = ['document', 'car', 'family', 'id-card', 'house', 'money', 'globe'] as const;
export type PortalIcon = (typeof portalIcons)[number];

/** Browser permissions a tile may be given; everything else is always denied. */
export const portalPermissions = ['camera', 'microphone'] as const;
export type PortalPermission = (typeof portalPermissions)[number];

export const maxPortalTiles = 12;
const maxLabelLength = 60;

/** The plain-http exception, in words, for messages and descriptions. */
const loopbackNote = 'plain http:// only for a local test portal on http://127.0.0.1:<port> or http://localhost:<port>';

/** Problems of a web address shared by start URLs and origins, or null. */
function addressProblem(url: URL): string | null {
  if (isEidClientUrl(url)) return 'is the local eID client (eid: or port 24727), which no tile may use';
  if (url.protocol === 'http:') {
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return `must use https:// (${loopbackNote})`;
    if (url.port === '') return `must name the port of the local test portal (${loopbackNote})`;
  } else if (url.protocol !== 'https:') {
    return `must use https:// (${loopbackNote})`;
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.hostname.endsWith('.')) return 'must not end the host name with a dot';
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(url.hostname)) {
    return 'must name one exact host (letters, digits, dashes and dots; no wildcards)';
  }
  return null;
}

const startUrlSchema = z
  .string()
  .max(2000)
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    const problem = url === null ? 'must be a full web address such as "https://portal.example.de/start"' : addressProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(`Address the tile opens: https:// (${loopbackNote}, so tests can serve a local portal).`);

const originSchema = z
  .string()
  .max(300)
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    let problem = url === null ? 'must be an origin such as "https://portal.example.de"' : addressProblem(url);
    // Written exactly as browsers compare it, so the file shows what is allowed, byte for byte.
    if (problem === null && url !== null && url.origin !== value) {
      problem = `must be just scheme://host[:port] in lower case, without path, default port or trailing slash: write "${url.origin}"`;
    }
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    `An exact origin, scheme://host[:port] without path or wildcard, e.g. "https://id.bund.de"; https:// (${loopbackNote}). Internationalized host names in punycode (xn--…).`,
  );

const absoluteFolderSchema = z
  .string()
  .max(400)
  .regex(/^(?:\/|[A-Za-z]:[\\/])/, 'must be an absolute path, e.g. "/srv/kiosk/scans"')
  .refine((value) => !value.split(/[\\/]/).includes('..'), 'must not contain ".." segments');

export const portalTileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes')
      .describe('Id of the tile in logs and statistics, e.g. "jena-online-services".'),
    label: localizedTextSchema.describe(
      `Name on the tile per language, at most ${String(maxLabelLength)} characters; German required, other UI languages optional (German is shown instead).`,
    ),
    icon: z.enum(portalIcons).describe('Icon of the tile.'),
    startUrl: startUrlSchema,
    origins: z
      .array(originSchema)
      .min(1)
      .max(20)
      .describe(
        "Every origin the service uses (portal, identity provider, payment provider), exactly; the start URL's origin must be one of them. Navigation anywhere else is refused.",
      ),
    permissions: z
      .array(z.enum(portalPermissions))
      .max(portalPermissions.length)
      .default([])
      .describe('Browser permissions granted to the service\'s origins, e.g. "camera" for a photo upload (default: none; everything else is always denied).'),
    printPdfs: z
      .boolean()
      .default(true)
      .describe('Offer PDFs the service downloads for printing (default true); other downloads are always refused, nothing is saved.'),
    uploadFolder: absoluteFolderSchema
      .optional()
      .describe('Absolute path of a scan folder that file choosers are limited to (default: none, file choosers are refused).'),
  })
  .superRefine((tile, ctx) => {
    const startOrigin = parseUrl(tile.startUrl)?.origin;
    if (startOrigin !== undefined && !tile.origins.includes(startOrigin)) {
      ctx.addIssue({ code: 'custom', path: ['origins'], message: `must include the start URL's origin "${startOrigin}"` });
    }
    const seen = new Set<string>();
    tile.origins.forEach((origin, index) => {
      if (seen.has(origin)) ctx.addIssue({ code: 'custom', path: ['origins', index], message: `lists "${origin}" twice` });
      seen.add(origin);
    });
    if (new Set(tile.permissions).size !== tile.permissions.length) {
      ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'lists a permission twice' });
    }
    // Optional languages may be present as undefined when the object was built in code.
    for (const [language, text] of Object.entries(tile.label as Record<string, string | undefined>)) {
      if (text !== undefined && text.length > maxLabelLength) {
        ctx.addIssue({ code: 'custom', path: ['label', language], message: `is too long for a tile (at most ${String(maxLabelLength)} characters)` });
      }
    }
  });

export const portalConfigSchema = z
  .strictObject({
    tiles: z
      .array(portalTileSchema)
      .max(maxPortalTiles, `lists more than ${String(maxPortalTiles)} tiles`)
      .describe('The online services on the start page, in the order shown.')
      .superRefine((tiles, ctx) => {
        const seen = new Set<string>();
        tiles.forEach((tile, index) => {
          if (seen.has(tile.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `tile id "${tile.id}" is used twice` });
          seen.add(tile.id);
        });
      }),
    printer: documentPrinterConfigSchema.optional(),
  })
  .describe('Online services of the self-service workstation (role "workstation" only).');

export type PortalConfigInput = z.input<typeof portalConfigSchema>;

/** A tile with every default filled in: what the policies and the start page work with. */
export interface PortalTile {
  readonly id: string;
  readonly label: LocalizedText;
  readonly icon: PortalIcon;
  readonly startUrl: string;
  readonly origins: readonly string[];
  readonly permissions: readonly PortalPermission[];
  readonly printPdfs: boolean;
  readonly uploadFolder: string | null;
}

export interface PortalConfig {
  readonly tiles: readonly PortalTile[];
  /** Where printed portal documents go; null: printing answers 'no-printer'. */
  readonly printer: DocumentPrinterConfig | null;
}

/** Fills in the defaults of a parsed `portal` section; null when the file has none. */
export function resolvePortalConfig(parsed: z.output<typeof portalConfigSchema> | undefined): PortalConfig | null {
  if (parsed === undefined) return null;
  return {
    tiles: parsed.tiles.map((tile) => ({
      id: tile.id,
      label: tile.label,
      icon: tile.icon,
      startUrl: tile.startUrl,
      origins: tile.origins,
      permissions: tile.permissions,
      printPdfs: tile.printPdfs,
      uploadFolder: tile.uploadFolder ?? null,
    })),
    printer: parsed.printer ?? null,
  };
}
