import type { Logger } from '../logging/logger';
import type { Clock } from '../session/clock';
import type { HidAccess } from './transport/hidLink';
import type { SerialOpener } from './transport/serialLink';

/** What device drivers get injected: real transports in the hosts, doubles or ptys in tests. */
export interface DeviceDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly openSerial: SerialOpener;
  readonly hid: HidAccess;
  /** The kiosk's data folder (default place for simulator folders). */
  readonly dataDir: string;
}
