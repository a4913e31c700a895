import { z } from '../zodConfig';

/**
 * The kinds of device a terminal can drive (docs/architecture.md, "Devices"), and the workstation's
 * document printer (`portal.printer`), whose health staff see in the same list.
 */
export const deviceKinds = ['printer', 'documentReader', 'signalLight', 'documentPrinter'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** Health of one device, as staff see it. */
export const healthStates = ['absent', 'ready', 'busy', 'warning', 'fault'] as const;
export type HealthState = (typeof healthStates)[number];

/**
 * Why a device is in its state; the UI translates `devices.reasons.<reason>`.
 * Reasons never carry data read from a device.
 */
export const healthReasons = [
  'ok',
  'connecting',
  'not-found',
  'unplugged',
  'port-busy',
  'permission-denied',
  'no-answer',
  'garbage',
  'write-failed',
  'offline',
  'cover-open',
  'paper-near-end',
  'paper-end',
  'printing',
  'reading',
  'error',
  /** The document printer's CUPS keeps printed documents after the job (PreserveJobFiles). */
  'cups-keeps-documents',
  /** The document printer's CUPS keeps its job list after the job (PreserveJobHistory). */
  'cups-keeps-history',
  /** cupsd.conf could not be read, so nobody knows what CUPS keeps. */
  'cups-retention-unknown',
] as const;
export type HealthReason = (typeof healthReasons)[number];

export const deviceHealthSchema = z.strictObject({
  id: z.string().max(64),
  kind: z.enum(deviceKinds),
  state: z.enum(healthStates),
  reason: z.enum(healthReasons),
  /** True for the simulators of the embedded default config. */
  simulated: z.boolean(),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;
