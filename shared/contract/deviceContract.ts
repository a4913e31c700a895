import { z } from '../zodConfig';
import { deviceHealthSchema } from '../devices/deviceHealth';
import { printResultSchema, receiptSchema } from '../devices/receipt';

const devicesSchema = z.strictObject({ devices: z.array(deviceHealthSchema).max(20) });

/** The device channels, merged into requestChannels (channels.ts). */
export const deviceRequestChannels = {
  /** Health of every configured device (for the staff indicator). */
  'devices.status': { request: z.strictObject({}), response: devicesSchema },
  /** Prints a receipt on the receipt printer; the job belongs to the current session. */
  'printer.print': { request: z.strictObject({ receipt: receiptSchema }), response: printResultSchema },
} as const;

export const deviceEventChannels = {
  /** A device's health changed; carries the whole list. */
  'devices.changed': devicesSchema,
} as const;
