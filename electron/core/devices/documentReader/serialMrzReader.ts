import type { DocumentReaderConfig } from '#shared/config/deviceConfig';
import type { HealthReport } from '../device';
import type { DeviceDeps } from '../deviceDeps';
import type { SerialLink, SerialOpenError, SerialOpenResult } from '../transport/serialLink';
import { FramedMrzReader, type OpenOutcome } from './framedMrzReader';
import type { MrzFramerOptions } from './mrzFraming';

/** The config entry of a serial MRZ reader. */
export type SerialMrzReaderConfig = Extract<DocumentReaderConfig, { driver: 'mrz-serial' }>;

/** Readers on a (virtual) serial port default to 9600 baud, 8N1. */
const defaultBaudRate = 9600;

/** Health after a failed open: a missing port is absent, the rest are faults; the manager retries all. */
function openFailure(error: SerialOpenError): HealthReport {
  return error === 'not-found' ? { state: 'absent', reason: 'not-found' } : { state: 'fault', reason: error };
}

/**
 * An MRZ reader on a serial or USB virtual COM port: it sends the zone as text lines whenever a
 * document is put on it. Open failures and unplugging become health; bytes of any kind only ever
 * become reads (possibly with an error), never exceptions.
 */
export class SerialMrzReader extends FramedMrzReader<SerialLink> {
  #unsubscribe: (() => void)[] = [];

  constructor(
    private readonly config: SerialMrzReaderConfig,
    private readonly serial: Pick<DeviceDeps, 'clock' | 'logger' | 'openSerial'>,
    framing: MrzFramerOptions = {},
  ) {
    super(config.id, serial, framing);
  }

  protected async open(): Promise<OpenOutcome<SerialLink>> {
    let result: SerialOpenResult;
    try {
      result = await this.serial.openSerial({
        path: this.config.path,
        baudRate: this.config.baudRate ?? defaultBaudRate,
        rtscts: this.config.flowControl === 'rtscts',
      });
    } catch {
      result = { ok: false, error: 'error' };
    }
    return result.ok ? { ok: true, handle: result.link } : { ok: false, report: openFailure(result.error) };
  }

  protected attach(link: SerialLink): void {
    this.#unsubscribe = [
      link.onData((chunk) => {
        this.framer.push(chunk);
      }),
      link.onClose((reason) => {
        if (reason === 'closed') return; // our own close()
        // Both make the manager reconnect with backoff; 'unplugged' is also what a closed pty gives.
        if (reason === 'unplugged') this.lost(link, { state: 'absent', reason: 'unplugged' }, 'document-reader-unplugged');
        else this.lost(link, { state: 'fault', reason: 'error' }, 'document-reader-port-failed');
      }),
    ];
  }

  protected detach(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  protected async close(link: SerialLink): Promise<void> {
    await link.close().catch(() => undefined);
  }
}
