import { z } from '../zodConfig';

/**
 * The document printer of a self-service workstation (`portal.printer`): where the A4 PDFs a
 * citizen prints from a portal go. `cups` is the real workstation; `pdf-folder` is the Chromium
 * host's and the tests' stand-in, which keeps every job as a PDF file.
 */

/** How long `lp` may take to hand a job to CUPS when the config does not say (seconds). */
export const defaultCupsTimeoutSeconds = 30;

// CUPS itself allows any printable character but space, tab, "/", "\" and "#" (127 at most); the
// kiosk allows a strict subset so the name can never be read as an option or a path.
const cupsQueueSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_-]{0,126}$/,
    'must be a CUPS queue name: letters, digits, "-" and "_" (not first), at most 127 characters, e.g. "Dokumentdrucker"',
  )
  .describe('Name of the CUPS queue (as in `lpstat -p`): letters, digits, "-" and "_", at most 127 characters.');

const folderSchema = z
  .string()
  .min(1, 'must name a folder, e.g. "printed-documents"')
  .max(400)
  .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters')
  .refine((value) => !value.startsWith('~'), 'must not start with "~" (there is no home folder expansion); write an absolute path')
  .refine((value) => !value.split(/[\\/]/).includes('..'), 'must not contain ".." segments')
  .describe(
    'Folder that receives every job as a PDF file (<time>-<n>.pdf). A relative path is resolved against the kiosk\'s data folder (KIOSK_DATA_DIR, else $XDG_STATE_HOME/buergerservice-kiosk), not against this file; absolute paths are allowed; ".." is not. Created (mode 700) when missing.',
  );

const cupsOptionsSchema = z
  .strictObject({
    sides: z
      .enum(['one-sided', 'two-sided-long-edge', 'two-sided-short-edge'])
      .optional()
      .describe("Duplex: sent as `-o sides=…` (default: the queue's own setting)."),
    colorMode: z.enum(['color', 'monochrome']).optional().describe("Sent as `-o print-color-mode=…` (default: the queue's own setting)."),
  })
  .describe('Extra job options for lp; A4 and fit-to-page are always sent.');

export const documentPrinterConfigSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('pdf-folder').describe('Every job becomes a PDF file in a folder (Chromium host, tests, demos).'),
      folder: folderSchema,
    }),
    z.strictObject({
      kind: z.literal('cups').describe('Jobs go to a CUPS queue through `lp` (the real workstation).'),
      queue: cupsQueueSchema,
      options: cupsOptionsSchema.optional(),
      timeoutSeconds: z
        .number()
        .int()
        .min(5)
        .max(300)
        .optional()
        .describe(`Seconds lp may take to hand a job to CUPS before the job counts as failed (default ${String(defaultCupsTimeoutSeconds)}).`),
      cupsdConf: z
        .string()
        .max(400)
        .regex(/^\/[^\p{Cc}]*$/u, 'must be an absolute path, e.g. "/etc/cups/cupsd.conf"')
        .optional()
        .describe(
          'The CUPS scheduler\'s configuration, read at start and after each session to tell staff whether CUPS keeps printed documents or the job list ("PreserveJobFiles No" and "PreserveJobHistory No" are wanted). Default /etc/cups/cupsd.conf.',
        ),
    }),
  ])
  .describe('Printer for documents from the portals (A4 PDFs, printed silently). Without it, printing answers "no printer".');

export type DocumentPrinterConfigInput = z.input<typeof documentPrinterConfigSchema>;
export type DocumentPrinterConfig = z.output<typeof documentPrinterConfigSchema>;
export type PdfFolderPrinterConfig = Extract<DocumentPrinterConfig, { kind: 'pdf-folder' }>;
export type CupsPrinterConfig = Extract<DocumentPrinterConfig, { kind: 'cups' }>;
