import type { PrinterCodePage } from '#shared/config/deviceConfig';
import type { PrintResult, Receipt } from '#shared/devices/receipt';
import type { ResetParticipant } from '../session/resetCoordinator';
import type { DeviceManager } from './deviceManager';
import type { SignalLightDriver } from './signalLight/signalLightDriver';

/** The device services the core uses; built from the config by createDeviceLayer. */
export interface DeviceLayer {
  readonly manager: DeviceManager;
  /**
   * Session-owned print jobs; null when the terminal has no receipt printer. `codePage` is what the
   * printer prints text in, so callers can check a receipt before printing (see receiptPrintable).
   */
  readonly print: { readonly codePage: PrinterCodePage; print(receipt: Receipt): Promise<PrintResult>; resetParticipant(): ResetParticipant } | null;
  /** Session-only ID document reads; null when the terminal has no reader. */
  readonly documents: { resetParticipant(): ResetParticipant } | null;
  /** The signal light; null when the terminal has none. */
  readonly light: SignalLightDriver | null;
}
