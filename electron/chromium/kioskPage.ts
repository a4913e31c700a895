import type { BrowserContext, Page } from 'playwright-core';
import { transportNames } from '../../shared/contract/channels';
import type { KioskCore } from '../core/app/kioskCore';
import { originOf } from '../core/ipc/originOf';
import type { Logger } from '../core/logging/logger';
import { isTrustedKioskFrame } from './trustedFrame';

/**
 * The kiosk UI page of the Chromium host. It normally stays loaded for the whole run; after a
 * renderer crash Playwright cannot reload it, so a fresh page replaces it.
 */
export class KioskPage {
  #page: Page | null = null;
  #recovered: () => void = () => undefined;
  #shuttingDown = false;

  private constructor(
    private readonly context: BrowserContext,
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** Wires the bridge into the context (binding + bridge script) and opens the first page. */
  static async open(input: { context: BrowserContext; url: string; origin: string; bridgeFile: string; core: () => KioskCore; logger: Logger }): Promise<KioskPage> {
    const holder = new KioskPage(input.context, input.url, input.logger);
    await input.context.exposeBinding(transportNames.binding, (source, channel: unknown, payload: unknown) => {
      const current = holder.#page;
      const trusted =
        current !== null && isTrustedKioskFrame({ sourcePage: source.page, sourceFrame: source.frame, kioskPage: current, kioskOrigin: input.origin });
      return input.core().router.handle(channel, payload, { trusted, description: originOf(source.frame.url()) ?? 'unparseable url' });
    });
    await input.context.addInitScript({ path: input.bridgeFile });
    await holder.#openPage();
    return holder;
  }

  /** The current page (for the ready check). */
  get page(): Page | null {
    return this.#page;
  }

  /** Delivers a contract event to the page; dropped while no page is up. */
  deliver(event: string, payload: unknown): void {
    this.#page
      ?.evaluate(
        ({ fn, name, data }) => {
          const deliver = (window as unknown as Record<string, unknown>)[fn];
          if (typeof deliver === 'function') (deliver as (e: string, p: unknown) => void)(name, data);
        },
        { fn: transportNames.deliver, name: event, data: payload },
      )
      .catch(() => undefined);
  }

  /** Reloads the UI; a page that cannot reload (crashed) is replaced by a new one. */
  async reload(): Promise<void> {
    try {
      if (this.#page === null) throw new Error('no page');
      await this.#page.reload();
    } catch {
      await this.replace();
    }
  }

  /** Closes the current page and opens a fresh one. */
  async replace(): Promise<void> {
    const old = this.#page;
    this.#page = null;
    await old?.close().catch(() => undefined);
    await this.#openPage();
  }

  /** Empties the system clipboard from the kiosk page (its context may write it; portal contexts may not read it). */
  async clearClipboard(): Promise<void> {
    const page = this.#page;
    if (page === null) throw new Error('no kiosk page to empty the clipboard from');
    await page.evaluate(() => navigator.clipboard.writeText(''));
  }

  /** Stops replacing pages (the host is shutting down). */
  shutdown(): void {
    this.#shuttingDown = true;
  }

  /** Calls `listener` after a crashed or closed page has been replaced. */
  onRecovered(listener: () => void): void {
    this.#recovered = listener;
  }

  async #openPage(): Promise<void> {
    const page = await this.context.newPage();
    page.on('popup', (popup) => void popup.close());
    page.on('dialog', (dialog) => void dialog.dismiss());
    const recover = (event: 'ui-crash' | 'ui-closed'): void => {
      if (this.#shuttingDown || this.#page !== page) return;
      this.logger.error({ event }, 'kiosk UI lost; opening a fresh page');
      void this.replace().then(
        () => {
          this.#recovered();
        },
        (error: unknown) => {
          this.logger.error({ event: 'ui-recovery-failed', err: String(error) }, 'could not reopen the kiosk UI');
        },
      );
    };
    page.on('crash', () => {
      recover('ui-crash');
    });
    page.on('close', () => {
      recover('ui-closed');
    });
    this.#page = page;
    await page.goto(this.url);
  }
}
