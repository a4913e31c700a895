import { z } from '../zodConfig';

/**
 * A receipt as a document, not as bytes: the core encodes it to ESC/POS for the configured printer.
 * The printer always cuts after the last block.
 */
export const receiptBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().max(2000),
    bold: z.boolean().optional(),
    /** normal = 1×1, large = 2×2, huge = 3×3 character cells. */
    size: z.enum(['normal', 'large', 'huge']).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
  }),
  z.strictObject({
    type: z.literal('qr'),
    payload: z.string().min(1).max(500),
    /** Module size in dots, 1–8 (default 6). */
    size: z.number().int().min(1).max(8).optional(),
  }),
  z.strictObject({ type: z.literal('rule') }),
  z.strictObject({ type: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
]);
export type ReceiptBlock = z.infer<typeof receiptBlockSchema>;

export const receiptSchema = z.strictObject({ blocks: z.array(receiptBlockSchema).min(1).max(200) });
export type Receipt = z.infer<typeof receiptSchema>;

/** Why a print job did not print; the UI translates `print.failed.<reason>`. */
export const printFailureReasons = ['no-printer', 'offline', 'cover-open', 'paper-end', 'no-answer', 'write-failed', 'dropped', 'busy'] as const;
export type PrintFailureReason = (typeof printFailureReasons)[number];

export const printResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('printed') }),
  z.strictObject({ status: z.literal('failed'), reason: z.enum(printFailureReasons) }),
]);
export type PrintResult = z.infer<typeof printResultSchema>;
