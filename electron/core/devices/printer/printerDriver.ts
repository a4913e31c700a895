import type { PrintFailureReason } from '#shared/devices/receipt';
import type { DeviceDriver, HealthReport } from '../device';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: PrintFailureReason };

/** A receipt printer: the real ESC/POS serial driver or the simulator. */
export interface PrinterDriver extends DeviceDriver {
  readonly kind: 'printer';
  /** Asks the printer for its status now (DLE EOT); also updates the reported health. */
  checkStatus(): Promise<HealthReport>;
  /**
   * Sends one encoded job; resolves when the bytes were written, or with the reason they were not
   * ('dropped' when abort() stopped it).
   */
  write(bytes: Uint8Array): Promise<WriteResult>;
  /**
   * Makes sure nothing already sent comes out later: stops a job being written, discards what the
   * operating system still holds for the printer and clears the printer's own buffers where the
   * printer has a command for that. Used after a failed job and at reset. Never rejects.
   */
  abort(): Promise<void>;
  /** The session ended: removes what the driver kept of its receipts on this machine (the simulator's previews). Never rejects. */
  endSession?(): Promise<void>;
}
