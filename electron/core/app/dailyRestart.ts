import { restartExitCode } from '#shared/exitCodes';
import type { Logger } from '../logging/logger';
import { addDays, berlinTime, firstInstantAtOrAfter } from '../queue/berlinTime';
import type { Clock } from '../session/clock';

/**
 * The daily restart (README.md, "Self-healing"): once a day, at a quiet time the config names, the
 * kiosk ends with the restart code and its supervisor (systemd, the launcher) starts a fresh
 * process; whatever slowly went wrong in a long-running browser is gone by the morning. It never
 * interrupts anyone: while a citizen or staff use the terminal, or while the office is open, it
 * waits and asks again a minute later.
 */

export interface DailyRestartOptions {
  /** Minutes after midnight, office time (Europe/Berlin). */
  readonly minute: number;
  /** True while nobody uses the terminal (attract or out of order, no assist mode, no open call). */
  readonly isQuiet: () => boolean;
  /** True while the office is open (false without opening hours). */
  readonly isOfficeOpen: (at: Date) => boolean;
  readonly exit: (code: number) => void;
  readonly logger: Logger;
  readonly clock: Clock;
}

const retryMs = 60_000;

/** The first restart instant after `now`: today's time if it is still ahead, else tomorrow's. */
export function nextRestartAt(now: number, minute: number): number {
  const today = berlinTime(new Date(now)).date;
  const todays = firstInstantAtOrAfter(today, minute).getTime();
  return todays > now ? todays : firstInstantAtOrAfter(addDays(today, 1), minute).getTime();
}

/** Schedules the daily restart; `stop` cancels it. */
export class DailyRestart {
  readonly #options: DailyRestartOptions;
  #timer: unknown = null;

  constructor(options: DailyRestartOptions) {
    this.#options = options;
  }

  /** Arms the timer for the next restart time. */
  start(): void {
    const { clock, minute, logger } = this.#options;
    const at = nextRestartAt(clock.now(), minute);
    logger.info({ event: 'daily-restart-planned', at: new Date(at).toISOString() }, 'daily restart planned');
    this.#arm(at - clock.now());
  }

  stop(): void {
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(ms: number): void {
    this.stop();
    this.#timer = this.#options.clock.setTimeout(() => {
      this.#timer = null;
      this.#due();
    }, ms);
  }

  #due(): void {
    const { clock, logger, isQuiet, isOfficeOpen, exit } = this.#options;
    if (!isQuiet() || isOfficeOpen(new Date(clock.now()))) {
      logger.info({ event: 'daily-restart-waiting' }, 'daily restart waits: the terminal is in use or the office is open');
      this.#arm(retryMs);
      return;
    }
    logger.info({ event: 'daily-restart' }, 'daily restart: ending the process for a fresh start');
    exit(restartExitCode);
  }
}
