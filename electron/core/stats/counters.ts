import { renameSync } from 'node:fs';
import { staffCountersSchema, type StaffCounters } from '#shared/contract/staffContract';
import { errorCode, writeFileAtomically } from '../files/atomicFile';
import { readStateFileSync } from '../files/stateFile';
import type { Logger } from '../logging/logger';
import { berlinDate } from '../queue/berlinTime';
import type { Clock } from '../session/clock';

/**
 * Anonymous counters for staff: how often something happened today (Berlin date) and in total,
 * never who, when exactly, or what a citizen did. Kept in `<dataDir>/stats/counters.json`, written
 * at most every few seconds (a burst of events costs one write) and when the kiosk stops; a crash
 * loses at most those seconds, which is fine for counts.
 */

/** The names counted; each is a key of `today` and `total`. */
export const counterNames = [
  'sessions-started',
  'sessions-ended-idle',
  'sessions-ended-end',
  'sessions-ended-staff',
  'sessions-ended-trigger',
  'help-requested',
  'help-acknowledged',
  'help-escalated',
  'help-cancelled',
  'help-resolved',
  'prints',
  'queue-tickets',
] as const;
export type CounterName = (typeof counterNames)[number];

export interface CountersOptions {
  /** `<dataDir>/stats/counters.json`; null counts in memory only. */
  readonly file: string | null;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The longest a count waits before it is written (default 5 s). */
  readonly flushMs?: number;
}

const defaultFlushMs = 5000;

export class Counters {
  #state: StaffCounters;
  #timer: unknown = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: CountersOptions) {
    this.#state = this.#load();
  }

  /** Counts one occurrence. */
  increment(name: CounterName): void {
    const state = this.#rolled();
    this.#state = {
      day: state.day,
      today: { ...state.today, [name]: (state.today[name] ?? 0) + 1 },
      total: { ...state.total, [name]: (state.total[name] ?? 0) + 1 },
    };
    this.#schedule();
  }

  /** Today's and the total counts; every name is present (0 when nothing happened). */
  view(): StaffCounters {
    const state = this.#rolled();
    const zeros = Object.fromEntries(counterNames.map((name) => [name, 0]));
    return { day: state.day, today: { ...zeros, ...state.today }, total: { ...zeros, ...state.total } };
  }

  /** Writes what is pending now (shutdown). */
  async flush(): Promise<void> {
    if (this.#timer !== null) {
      this.options.clock.clearTimeout(this.#timer);
      this.#timer = null;
      await this.#write();
    }
    await this.#writing;
  }

  /** The state with `today` emptied when the Berlin date moved on. */
  #rolled(): StaffCounters {
    const day = this.#today();
    if (this.#state.day !== day) this.#state = { day, today: {}, total: this.#state.total };
    return this.#state;
  }

  #today(): string {
    return berlinDate(new Date(this.options.clock.now()));
  }

  #schedule(): void {
    if (this.options.file === null || this.#timer !== null) return;
    this.#timer = this.options.clock.setTimeout(() => {
      this.#timer = null;
      void this.#write();
    }, this.options.flushMs ?? defaultFlushMs);
  }

  #write(): Promise<void> {
    const file = this.options.file;
    if (file === null) return Promise.resolve();
    const content = `${JSON.stringify(this.#state, null, 1)}\n`;
    // Writes one after another, so an older snapshot never lands after a newer one.
    this.#writing = this.#writing.then(async () => {
      const written = await writeFileAtomically(file, content);
      if (!written.ok) this.options.logger.warn({ event: 'counters-not-saved', reason: written.error.detail }, 'counters not saved');
    });
    return this.#writing;
  }

  /**
   * Reads the saved counts. A corrupt file is moved aside to `counters.json.corrupt` for a person
   * to look at and counting starts again at zero: wrong counts are worse than missing ones.
   */
  #load(): StaffCounters {
    const empty: StaffCounters = { day: this.#today(), today: {}, total: {} };
    const file = this.options.file;
    if (file === null) return empty;
    const read = readStateFileSync(file, staffCountersSchema);
    if (read.kind === 'found') return read.value;
    if (read.kind === 'missing') return empty;
    if (read.kind === 'unreadable') {
      this.options.logger.warn({ event: 'counters-unreadable', code: read.code }, 'counters unreadable; counting from zero');
      return empty;
    }
    this.options.logger.warn({ event: 'counters-corrupt' }, 'counters file corrupt; moved aside, counting from zero');
    try {
      renameSync(file, `${file}.corrupt`);
    } catch (error) {
      this.options.logger.warn({ event: 'counters-corrupt-kept', code: errorCode(error) ?? 'unknown' }, 'corrupt counters file not moved aside');
    }
    return empty;
  }
}
