import { z } from '../zodConfig';

/** ESC/POS code pages the receipt encoder supports and we allow in config. */
export const printerCodePages = ['cp437', 'cp850', 'cp858', 'windows1252'] as const;
export type PrinterCodePage = (typeof printerCodePages)[number];

const deviceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes')
  .describe('Id of the device in health reports and logs.');
const serialPath = z.string().min(1).max(200).describe('Serial device, e.g. /dev/ttyUSB0 or /dev/serial/by-id/…');
const baudRate = z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]);
const usbId = z.number().int().min(0).max(0xffff).describe('USB id as a decimal JSON number (0x27BB is written 10171).');
const flowControl = z.enum(['none', 'rtscts']);
const folder = z.string().min(1).max(400);

const codePage = z
  .strictObject({
    name: z.enum(printerCodePages).describe('Code page used for text (cp858 has the € sign).'),
    escT: z.number().int().min(0).max(255).describe('The n of ESC t n that selects this code page on this printer model (Epson: cp858 = 19).'),
  })
  .describe('Character code page of the printer.');

const printerCommon = {
  id: deviceId,
  kind: z.literal('printer'),
  codePage: codePage.optional(),
  columns: z.number().int().min(24).max(64).optional().describe('Characters per line in the normal font (default 42).'),
  clearBufferCommand: z
    .enum(['epson', 'none'])
    .optional()
    .describe(
      "How to clear the printer's buffers after a failed job, at reset and after reconnecting, so nothing prints for the next person: 'epson' (DLE DC4 8, default) or 'none'.",
    ),
};

export const printerConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({
    ...printerCommon,
    driver: z.literal('simulator'),
    previewDir: folder.optional().describe('Folder for receipt previews (default: <data folder>/printer-preview).'),
  }),
  z.strictObject({
    ...printerCommon,
    driver: z.literal('escpos-serial'),
    path: serialPath,
    baudRate: baudRate.optional().describe('Default 19200.'),
    flowControl: flowControl
      .optional()
      .describe("Serial handshake: 'none' (default) or 'rtscts' (hardware). XON/XOFF is not supported: it would mix with status bytes."),
    statusPollSeconds: z.number().int().min(1).max(300).optional().describe('How often DLE EOT status is polled (default 10).'),
  }),
]);

export const documentReaderConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({
    id: deviceId,
    kind: z.literal('documentReader'),
    driver: z.literal('simulator'),
    inboxDir: folder.optional().describe('Folder watched for MRZ text files to "read" (default: <data folder>/reader-inbox).'),
  }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('documentReader'),
    driver: z.literal('mrz-serial'),
    path: serialPath,
    baudRate: baudRate.optional().describe('Default 9600.'),
    flowControl: flowControl.optional(),
  }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('documentReader'),
    driver: z.literal('mrz-hid'),
    vendorId: usbId,
    productId: usbId,
    reportLayout: z
      .enum(['length-prefixed', 'raw'])
      .optional()
      .describe("How text sits in the input reports: 'length-prefixed' = [report id, length, text…] (default), 'raw' = the whole report is text."),
    reportId: z.number().int().min(0).max(255).optional().describe("With 'length-prefixed': only reports with this id carry text."),
  }),
]);

export const signalLightConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({ id: deviceId, kind: z.literal('signalLight'), driver: z.literal('simulator') }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('signalLight'),
    driver: z.literal('hid-light'),
    vendorId: usbId.optional().describe('USB vendor id; with productId picks one model (default: the first known light found).'),
    productId: usbId.optional(),
  }),
]);

export const deviceConfigSchema = z.discriminatedUnion('kind', [printerConfigSchema, documentReaderConfigSchema, signalLightConfigSchema]);

export type PrinterConfig = z.infer<typeof printerConfigSchema>;
export type DocumentReaderConfig = z.infer<typeof documentReaderConfigSchema>;
export type SignalLightConfig = z.infer<typeof signalLightConfigSchema>;
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;

/** The default code page: CP858 selected with ESC t 19 (Epson numbering). */
export const defaultCodePage = { name: 'cp858', escT: 19 } as const satisfies z.infer<typeof codePage>;
