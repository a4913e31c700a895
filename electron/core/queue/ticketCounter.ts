import { join } from 'node:path';
import { z } from '#shared/zodConfig';
import { fail, ok, type Result } from '#shared/result';
import { removeAtomicTempFiles, writeFileAtomically } from '../files/atomicFile';
import { readStateFile } from '../files/stateFile';
import { berlinDate } from './berlinTime';

/**
 * Queue ticket numbers, one sequence per category and day (the ZMS ticket printers of German
 * Bürgerämter work this way). The state lives in `<dir>/tickets.json` and every number is on disk
 * before it is handed out, so a restart or a power cut never repeats a number. At most the one
 * number being drawn at the moment of a crash is lost, and it was never printed.
 */

/** Numbers per category and day; the receipt prints them huge, and nobody queues 10,000 people. */
export const maxTicketNumber = 9999;
/** Draw times kept per category, for the waiting count (far more than a window ever holds). */
const maxDrawTimes = 2000;
const defaultWaitingWindowMinutes = 60;
const stateFileName = 'tickets.json';

const categoryStateSchema = z.strictObject({
  last: z.number().int().min(0).max(maxTicketNumber),
  /** When the numbers still within the waiting window were drawn (ISO), oldest first. */
  drawnAt: z.array(z.iso.datetime({ offset: true })).max(maxDrawTimes),
});

export const ticketStateSchema = z.strictObject({
  /** The local date (Europe/Berlin) the numbers belong to. */
  date: z.iso.date(),
  categories: z.record(z.string(), categoryStateSchema),
});
export type TicketState = z.infer<typeof ticketStateSchema>;

/** A queue category as far as numbering is concerned. */
export interface TicketCategory {
  readonly id: string;
  /** One capital letter, e.g. "A" → "A 17". */
  readonly prefix: string;
}

/** A drawn ticket. */
export interface Ticket {
  readonly categoryId: string;
  readonly prefix: string;
  readonly number: number;
  /** The local date (Europe/Berlin, YYYY-MM-DD) the number belongs to. */
  readonly date: string;
  /** When it was drawn (ISO). */
  readonly drawnAt: string;
  /** Tickets of this category drawn within the waiting window before this one. */
  readonly waitingBefore: number;
  readonly waitingWindowMinutes: number;
}

export interface TicketCounterOptions {
  /** The counter's folder, e.g. `<dataDir>/queue`; created when missing. */
  readonly dir: string;
  readonly categories: readonly TicketCategory[];
  readonly now?: () => Date;
  /**
   * The waiting count covers tickets drawn this many minutes before (default 60). There is no call
   * system yet, so nobody knows who has been served: counting every ticket of the day would
   * promise an afternoon visitor 80 people ahead when the room holds five. Tickets drawn within
   * about the usual waiting time are the honest estimate; the label on the ticket says so.
   */
  readonly waitingWindowMinutes?: number;
}

export interface TicketCounter {
  /** Draws the next number of a category; one draw at a time, each on disk before it resolves. */
  draw(categoryId: string): Promise<Result<Ticket>>;
  /** The state as it is on disk (null: no file yet), for diagnostics and staff. */
  state(): Promise<Result<TicketState | null>>;
}

/** A ticket's printed code: prefix letter and number, e.g. "A 17". */
export function ticketCode(ticket: Pick<Ticket, 'prefix' | 'number'>): string {
  return `${ticket.prefix} ${ticket.number}`;
}

/** Creates the counter over `<dir>/tickets.json`; nothing is read until the first draw. */
export function createTicketCounter(options: TicketCounterOptions): TicketCounter {
  const now = options.now ?? (() => new Date());
  const windowMinutes = options.waitingWindowMinutes ?? defaultWaitingWindowMinutes;
  const categories = new Map(options.categories.map((category) => [category.id, category]));
  // The state as last written; null until read. A corrupt file is read again at the next draw, so
  // staff can repair it without a restart.
  let current: TicketState | null = null;
  let loaded = false;
  let tail: Promise<unknown> = Promise.resolve();

  const drawOne = async (categoryId: string): Promise<Result<Ticket>> => {
    const category = categories.get(categoryId);
    if (!category) return fail('invalid-payload', 'unknown queue category');
    if (!loaded) {
      const read = await loadTicketState(options.dir);
      if (!read.ok) return read;
      current = read.value;
      loaded = true;
    }
    const at = now();
    const today = berlinDate(at);
    // A file of an earlier day starts the day at 1. A file of a later day means the clock went
    // back: its numbers go on, since repeating a number is worse than a wrong date in a file.
    const base: TicketState = current === null || current.date < today ? { date: today, categories: {} } : current;
    const previous = base.categories[categoryId] ?? { last: 0, drawnAt: [] };
    if (previous.last >= maxTicketNumber) return fail('invalid-state', 'no ticket numbers left today in this category');
    const windowStart = at.getTime() - windowMinutes * 60_000;
    const recent = previous.drawnAt.filter((iso) => Date.parse(iso) >= windowStart);
    const drawnAt = at.toISOString();
    const next: TicketState = {
      date: base.date,
      categories: { ...base.categories, [categoryId]: { last: previous.last + 1, drawnAt: [...recent, drawnAt].slice(-maxDrawTimes) } },
    };
    const written = await writeStateAtomically(options.dir, next);
    if (!written.ok) return written;
    current = next;
    return ok({
      categoryId,
      prefix: category.prefix,
      number: previous.last + 1,
      date: today,
      drawnAt,
      waitingBefore: recent.length,
      waitingWindowMinutes: windowMinutes,
    });
  };

  // One operation at a time: two draws interleaving would hand out the same number.
  const serialized = <T>(task: () => Promise<Result<T>>): Promise<Result<T>> => {
    const run = tail.then(task).catch((error: unknown) => fail<T>('internal', `ticket counter failed: ${String(error)}`));
    tail = run;
    return run;
  };

  return {
    draw: (categoryId) => serialized(() => drawOne(categoryId)),
    state: () => serialized(() => loadTicketState(options.dir)),
  };
}

/**
 * Reads `<dir>/tickets.json`: null when there is none yet, an error when it cannot be read or is
 * not a valid state (it is left as it is for staff to look at, never reset to 1). Removes
 * temporary files left by a write that was cut off; only one process owns the folder.
 */
export async function loadTicketState(dir: string): Promise<Result<TicketState | null>> {
  await removeAtomicTempFiles(join(dir, stateFileName));
  const read = await readStateFile(join(dir, stateFileName), ticketStateSchema);
  switch (read.kind) {
    case 'found':
      return ok(read.value);
    case 'missing':
      return ok(null);
    case 'unreadable':
      return fail('internal', `ticket state unreadable: ${read.code}`);
    case 'corrupt':
      return fail('internal', `ticket state ${read.reason}`);
  }
}

/**
 * Replaces the state file so that it is either the old or the new one, also after a power cut.
 * When only the folder sync failed, the new file is in place but its rename may not survive a
 * power cut: the number is not handed out and may be drawn again, never a repeat of a printed one.
 */
async function writeStateAtomically(dir: string, state: TicketState): Promise<Result<void>> {
  const written = await writeFileAtomically(join(dir, stateFileName), `${JSON.stringify(state, null, 1)}\n`);
  return written.ok ? written : fail('internal', `ticket state ${written.error.detail ?? 'not written'}`);
}
