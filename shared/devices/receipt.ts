import { z } from '../zodConfig';

/**
 * A receipt as a document, not as bytes: the core encodes it to ESC/POS for the configured printer.
 * The printer always cuts after the last block.
 */
/** No control characters: they could smuggle printer commands (e.g. DLE EOT) into a job. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const printable = /^[^\u0000-\u001F\u007F]*$/;

export const receiptBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().max(1000).regex(printable, 'must not contain control characters'),
    bold: z.boolean().optional(),
    /** normal = 1×1, large = 2×2, huge = 3×3 character cells. */
    size: z.enum(['normal', 'large', 'huge']).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
  }),
  z.strictObject({
    type: z.literal('qr'),
    payload: z.string().min(1).max(500).regex(printable, 'must not contain control characters'),
    /** Module size in dots, 1–8 (default 6). */
    size: z.number().int().min(1).max(8).optional(),
  }),
  z.strictObject({ type: z.literal('rule') }),
  z.strictObject({ type: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
]);
export type ReceiptBlock = z.infer<typeof receiptBlockSchema>;

/** A receipt slip, not a document: at most 60 blocks and 6,000 characters (about a metre of paper). */
export const receiptSchema = z.strictObject({
  blocks: z
    .array(receiptBlockSchema)
    .min(1)
    .max(60)
    .refine(
      (blocks) => blocks.reduce((sum, block) => sum + (block.type === 'text' ? block.text.length : block.type === 'qr' ? block.payload.length : 0), 0) <= 6000,
      {
        message: 'a receipt holds at most 6000 characters',
      },
    ),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Why a print job did not print; the UI translates `print.failed.<reason>`. */
export const printFailureReasons = ['no-printer', 'offline', 'cover-open', 'paper-end', 'no-answer', 'write-failed', 'dropped', 'busy'] as const;
export type PrintFailureReason = (typeof printFailureReasons)[number];

export const printResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('printed') }),
  z.strictObject({ status: z.literal('failed'), reason: z.enum(printFailureReasons) }),
]);
export type PrintResult = z.infer<typeof printResultSchema>;
