import { z } from '../zodConfig';
import { portalIcons } from '../config/portalConfig';
import { uiLanguages } from '../i18n/languages';
import { shownTextSchema } from './contentContract';

/**
 * What the self-service workstation's screens ask the core for (README.md, "Online services (workstation)"):
 * the tiles of the start page and one portal view per citizen session. The view itself is drawn by
 * the host: Electron places a WebContentsView over the area the UI reports (`surface: 'native'`);
 * the Chromium host streams the page as frames the UI draws and forwards touches and keys to it
 * (`surface: 'frames'`). Nothing of the portal page ever reaches the UI except those pixels and
 * the view state below.
 */
const language = z.enum(uiLanguages);
const tileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);
const empty = z.strictObject({});
const coordinate = z.number().min(-10_000).max(10_000);
const eventId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const portalTileViewSchema = z.strictObject({ id: tileId, label: shownTextSchema, icon: z.enum(portalIcons) });
export type PortalTileView = z.infer<typeof portalTileViewSchema>;

/**
 * The kind of field that has focus in the portal page: which on-screen keyboard to show. 'none':
 * something that takes no typing; 'nothing': no element of the page has focus (Tab went past its end).
 */
export const portalFocusKinds = ['none', 'nothing', 'text', 'email', 'number', 'password'] as const;
export type PortalFocusKind = (typeof portalFocusKinds)[number];

/** Why the view shows the kiosk's "not available here" page instead of the portal. */
export const portalBlockReasons = ['foreign-origin', 'scheme', 'malformed', 'eid'] as const;
/** Why the view shows the kiosk's error page (with retry). */
export const portalErrorKinds = ['offline', 'server', 'certificate', 'failed'] as const;
/** Short notes on something the kiosk refused on the citizen's behalf. */
export const portalNotices = ['popup-refused', 'download-refused', 'file-refused', 'permission-refused'] as const;
export type PortalNotice = (typeof portalNotices)[number];
/** Why printing did not work, in words the UI translates. */
export const documentPrintFailures = ['no-printer', 'printer-unavailable', 'rejected', 'too-large', 'nothing-to-print', 'aborted'] as const;
export type DocumentPrintFailure = (typeof documentPrintFailures)[number];

export const portalViewSchema = z.strictObject({
  /** closed: the start page with the tiles; otherwise a tile is open. */
  status: z.enum(['closed', 'open']),
  tileId: tileId.nullable(),
  surface: z.enum(['frames', 'native']),
  loading: z.boolean(),
  canGoBack: z.boolean(),
  focus: z.enum(portalFocusKinds),
  /** The address that was refused (for the QR code), or null when the reason has none to show. */
  blocked: z.strictObject({ reason: z.enum(portalBlockReasons), url: z.string().max(2000).nullable() }).nullable(),
  error: z.strictObject({ kind: z.enum(portalErrorKinds), url: z.string().max(2000) }).nullable(),
  /** A JavaScript dialog of the page, shown as a kiosk dialog until answered. */
  dialog: z
    .strictObject({
      id: eventId,
      kind: z.enum(['alert', 'confirm', 'prompt', 'beforeunload']),
      message: z.string().max(2000),
      defaultValue: z.string().max(500),
    })
    .nullable(),
  /** A PDF the page offered as a download, held in memory until printed, dismissed or the session ends. */
  offer: z.strictObject({ id: eventId, name: z.string().max(200) }).nullable(),
  /** A file chooser limited to the tile's scan folder: the files the citizen may pick from. */
  fileChooser: z.strictObject({ id: eventId, multiple: z.boolean(), files: z.array(z.strictObject({ name: z.string().max(255) })).max(100) }).nullable(),
  notice: z.enum(portalNotices).nullable(),
  print: z.discriminatedUnion('status', [
    z.strictObject({ status: z.enum(['idle', 'printing', 'printed']) }),
    z.strictObject({ status: z.literal('failed'), reason: z.enum(documentPrintFailures) }),
  ]),
});
export type PortalView = z.infer<typeof portalViewSchema>;

/** Keys the UI forwards to the portal page (on-screen keyboard and physical keys while the view has focus). */
export const portalKeys = [
  'Backspace',
  'Delete',
  'Enter',
  'Tab',
  'Shift+Tab',
  'Space',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
] as const;
export type PortalKey = (typeof portalKeys)[number];

export const portalPointerSchema = z.strictObject({
  type: z.enum(['down', 'move', 'up', 'cancel']),
  pointer: z.enum(['touch', 'mouse']),
  x: coordinate,
  y: coordinate,
});
export type PortalPointer = z.infer<typeof portalPointerSchema>;

export const portalWheelSchema = z.strictObject({ x: coordinate, y: coordinate, deltaX: coordinate, deltaY: coordinate });
export type PortalWheel = z.infer<typeof portalWheelSchema>;

/**
 * Where the portal view sits in the UI, in CSS pixels of the kiosk window; not visible while a
 * kiosk dialog or page covers it (Electron's view would otherwise be drawn over the kiosk's own UI).
 */
export const portalLayoutSchema = z.strictObject({
  visible: z.boolean(),
  x: z.number().int().min(0).max(10_000),
  y: z.number().int().min(0).max(10_000),
  width: z.number().int().min(100).max(10_000),
  height: z.number().int().min(100).max(10_000),
});
export type PortalLayout = z.infer<typeof portalLayoutSchema>;

/** One picture of the portal page (Chromium host only): a JPEG in base64, in CSS pixels. */
export const portalFrameSchema = z.strictObject({
  data: z.string().max(8_000_000),
  width: z.number().int().positive().max(10_000),
  height: z.number().int().positive().max(10_000),
});
export type PortalFrame = z.infer<typeof portalFrameSchema>;

export const portalRequestChannels = {
  /** The start page's tiles, labels in the asked language where the config has it (else German). */
  'portal.tiles': { request: z.strictObject({ language }), response: z.strictObject({ tiles: z.array(portalTileViewSchema).max(12) }) },
  /** Opens a tile in a fresh portal view of this session (an open one is closed first). */
  'portal.open': { request: z.strictObject({ tileId }), response: portalViewSchema },
  /** Toolbar: the tile's start page, one page back, load again, or close the view (back to the tiles). */
  'portal.command': { request: z.strictObject({ command: z.enum(['home', 'back', 'reload', 'close']) }), response: portalViewSchema },
  /** Where the view is drawn; the host sizes the page to it. */
  'portal.layout': { request: portalLayoutSchema, response: empty },
  /** Types text into the focused field of the page (on-screen keyboard, physical keys). */
  'portal.type': { request: z.strictObject({ text: z.string().min(1).max(200) }), response: empty },
  'portal.key': { request: z.strictObject({ key: z.enum(portalKeys) }), response: empty },
  /** Touch and mouse on the drawn frames (Chromium host; Electron's view gets input natively). */
  'portal.pointer': { request: portalPointerSchema, response: empty },
  'portal.wheel': { request: portalWheelSchema, response: empty },
  /** Prints the current page, or the offered PDF, on the document printer (A4). */
  'portal.print': { request: z.strictObject({ what: z.enum(['page', 'offer']) }), response: portalViewSchema },
  /** Answers the page's JavaScript dialog. */
  'portal.answerDialog': { request: z.strictObject({ id: eventId, accept: z.boolean(), text: z.string().max(500).optional() }), response: portalViewSchema },
  /** Picks files of the scan folder for the open file chooser (none: cancel). */
  'portal.chooseFiles': { request: z.strictObject({ id: eventId, names: z.array(z.string().min(1).max(255)).max(20) }), response: portalViewSchema },
  /** Closes the offer or the notice. */
  'portal.dismiss': { request: z.strictObject({ what: z.enum(['offer', 'notice', 'print']) }), response: portalViewSchema },
} as const;

export const portalEventChannels = {
  'portal.changed': portalViewSchema,
  'portal.frame': portalFrameSchema,
} as const;
