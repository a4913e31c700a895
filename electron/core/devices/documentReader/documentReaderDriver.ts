import type { DocumentRead } from '#shared/devices/documentRead';
import type { DeviceDriver } from '../device';

/** An ID document reader delivering the MRZ (serial, HID data reports, or the simulator). */
export interface DocumentReaderDriver extends DeviceDriver {
  readonly kind: 'documentReader';
  /** Every completed read, parsed; returns an unsubscribe function. Reads are never logged. */
  onRead(listener: (read: DocumentRead) => void): () => void;
}
