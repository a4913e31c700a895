import { z } from '#shared/zodConfig';
import type { TerminalStatus } from '#shared/contract/staffContract';
import { fail, ok, type Result } from '#shared/result';
import { writeFileAtomically } from '../files/atomicFile';
import { readStateFileSync } from '../files/stateFile';
import type { Logger } from '../logging/logger';

/**
 * Whether staff switched the terminal out of order. The flag is kept in
 * `<dataDir>/staff/out-of-order.json` and read once at start, so it survives restarts and power
 * cuts until staff switch it off. While it is on the core refuses new sessions (the UI shows the
 * out-of-order screen instead of attract) and the signal light shows fault.
 */

const fileSchema = z.strictObject({
  outOfOrder: z.boolean(),
  /** When it was last switched (ISO), for people looking at the file. */
  since: z.string().max(40).optional(),
});

export interface OutOfOrderOptions {
  /** `<dataDir>/staff/out-of-order.json`; null keeps the flag in memory only. */
  readonly file: string | null;
  /** Where citizens are sent meanwhile (config `staff.outOfOrderPlace`). */
  readonly place: string | null;
  readonly logger: Logger;
  readonly now: () => number;
}

type Listener = (status: TerminalStatus) => void;

export class OutOfOrder {
  #on: boolean;
  readonly #listeners = new Set<Listener>();

  constructor(private readonly options: OutOfOrderOptions) {
    this.#on = options.file === null ? false : readFlag(options.file, options.logger);
  }

  /** True while the terminal takes no citizens. */
  isOn(): boolean {
    return this.#on;
  }

  /** What the UI shows. */
  status(): TerminalStatus {
    return { outOfOrder: this.#on, place: this.options.place };
  }

  /** Calls the listener on every switch; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Switches the flag. It takes effect at once even when the file cannot be written (staff want
   * the terminal closed now); the error then says it will not survive a restart.
   */
  async set(on: boolean): Promise<Result<void>> {
    if (on !== this.#on) {
      this.#on = on;
      this.options.logger.warn({ event: on ? 'out-of-order-on' : 'out-of-order-off' }, on ? 'terminal switched out of order' : 'terminal back in service');
      const status = this.status();
      for (const listener of this.#listeners) listener(status);
    }
    if (this.options.file === null) return ok(undefined);
    const content = `${JSON.stringify({ outOfOrder: on, since: new Date(this.options.now()).toISOString() })}\n`;
    const written = await writeFileAtomically(this.options.file, content);
    if (written.ok) return written;
    this.options.logger.error(
      { event: 'out-of-order-not-saved', reason: written.error.detail },
      'out-of-order flag not saved; it holds until the kiosk restarts',
    );
    return fail('internal', written.error.detail);
  }
}

/**
 * Reads the flag: no file means in service. A file that cannot be read or makes no sense counts as
 * out of order: it exists only because staff switched the terminal at some point, and a terminal
 * that may have been taken out of service must not invite citizens by mistake; the calm screen
 * sends them to the counter, and staff switch it off in assist mode (which writes a good file).
 */
function readFlag(file: string, logger: Logger): boolean {
  const read = readStateFileSync(file, fileSchema);
  switch (read.kind) {
    case 'found':
      return read.value.outOfOrder;
    case 'missing':
      return false;
    case 'unreadable':
      logger.error({ event: 'out-of-order-unreadable', code: read.code }, 'out-of-order file unreadable: the terminal starts out of order');
      return true;
    case 'corrupt':
      logger.error(
        { event: 'out-of-order-corrupt' },
        'out-of-order file is corrupt: the terminal starts out of order until staff switch it back in assist mode',
      );
      return true;
  }
}
