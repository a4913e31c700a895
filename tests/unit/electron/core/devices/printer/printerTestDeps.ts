import type { DeviceDeps } from '#core/devices/deviceDeps';
import type { SerialOpener } from '#core/devices/transport/serialLink';
import type { Clock } from '#core/session/clock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';

const noSerial: SerialOpener = () => Promise.resolve({ ok: false, error: 'not-found' });

/** Device deps for printer tests: a real logger into memory, no HID, serial as given. */
export function printerDeps(options: { clock: Clock; dataDir: string; openSerial?: SerialOpener }): { deps: DeviceDeps; log: LogCapture } {
  const log = captureLog();
  const deps: DeviceDeps = {
    clock: options.clock,
    logger: log.logger,
    openSerial: options.openSerial ?? noSerial,
    hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID in printer tests')) },
    dataDir: options.dataDir,
  };
  return { deps, log };
}
