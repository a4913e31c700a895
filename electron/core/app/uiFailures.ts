import type { UiLanguage } from '#shared/i18n/languages';
import type { HelpService } from '../help/helpService';
import type { Logger } from '../logging/logger';
import type { Clock } from '../session/clock';
import type { OutOfOrder } from '../staff/outOfOrder';

/**
 * What happens when the kiosk page crashes or hangs (README.md, "Self-healing"): a fresh page, up
 * to a limit. A page that keeps failing (3 times in 10 minutes) would only flicker in a reload
 * loop in front of citizens, so the terminal goes out of order instead, and staff are called
 * through the help channels; the page is then opened once more, to show the out-of-order screen.
 */

/** What the host does with the failed page. */
export type UiFailureDecision = 'reopen' | 'give-up';

export const uiFailureLimit = { failures: 3, withinMs: 10 * 60_000 } as const;

/** The screen id the staff alert names, so the receiver tells it from a citizen's call. */
export const uiFailureScreen = 'kiosk-ui-failing';

export interface UiFailuresOptions {
  readonly outOfOrder: Pick<OutOfOrder, 'set' | 'isOn'>;
  readonly help: Pick<HelpService, 'request'>;
  readonly language: UiLanguage;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** Counts the kiosk page's crashes and hangs and decides whether to open it again. */
export class UiFailures {
  readonly #options: UiFailuresOptions;
  #recent: number[] = [];
  /** The limit was reached: one more page is opened for the out-of-order screen, none after. */
  #gaveUpAt: number | null = null;

  constructor(options: UiFailuresOptions) {
    this.#options = options;
  }

  /** Records a failure of the kiosk page (crash, hang, closed) and says what to do with it. */
  async failed(reason: string): Promise<UiFailureDecision> {
    const { clock, logger } = this.#options;
    const now = clock.now();
    this.#recent = [...this.#recent.filter((at) => now - at < uiFailureLimit.withinMs), now];
    if (this.#gaveUpAt !== null && now - this.#gaveUpAt < uiFailureLimit.withinMs) {
      logger.error(
        { event: 'ui-failure', reason, failures: this.#recent.length },
        'kiosk UI failed again after the terminal went out of order; not reopening it',
      );
      return 'give-up';
    }
    if (this.#recent.length < uiFailureLimit.failures) {
      logger.error({ event: 'ui-failure', reason, failures: this.#recent.length }, 'kiosk UI failed; opening a fresh page');
      return 'reopen';
    }
    this.#gaveUpAt = now;
    logger.error(
      { event: 'ui-failure-loop', reason, failures: this.#recent.length, withinMinutes: uiFailureLimit.withinMs / 60_000 },
      'kiosk UI keeps failing; terminal out of order, staff called',
    );
    if (!this.#options.outOfOrder.isOn()) await this.#options.outOfOrder.set(true);
    const call = await this.#options.help.request({ screen: uiFailureScreen, language: this.#options.language });
    if (!call.ok) logger.error({ event: 'ui-failure-alert-failed', code: call.error.code }, 'staff could not be called about the failing kiosk UI');
    return 'reopen';
  }
}
