import type { BrowserContext, Page } from 'playwright-core';
import { transportNames } from '#shared/contract/channels';
import type { KioskCore } from '#core/app/kioskCore';
import { originOf } from '#core/ipc/originOf';
import type { Logger } from '#core/logging/logger';
import { errorKind } from '#core/logging/logger';
import { isTrustedKioskFrame } from './trustedFrame';

export interface KioskPageInput {
  readonly context: BrowserContext;
  /** A page the context already has (the headed host's app window); null: one is made. */
  readonly firstPage: Page | null;
  readonly url: string;
  readonly origin: string;
  readonly bridgeFile: string;
  readonly core: () => KioskCore;
  readonly logger: Logger;
  /**
   * Called instead of opening a fresh page when the page crashed or was closed: the headed host's
   * only way to a window without browser UI is a new kiosk browser. Unset: a fresh page replaces it.
   */
  readonly onWindowLost?: () => void;
  /** How long the page may leave a heartbeat unanswered before it counts as hung (default 15 s). */
  readonly hangAfterMs?: number;
}

/** How often the host asks the page whether it is alive. */
const heartbeatEveryMs = 5000;

/**
 * The kiosk UI page of the Chromium host. It normally stays loaded for the whole run; after a
 * renderer crash Playwright cannot reload it, so a fresh page replaces it.
 *
 * It is also the one page of its context: any other page that appears there (a new tab or window
 * by a key the page cannot cancel) is closed at once, and the page is brought back to the kiosk's
 * own origin if anything ever navigates it away.
 *
 * A page that crashes, is closed or stops answering the host's heartbeat (a hung renderer) is
 * reported to the core, which decides whether a fresh page replaces it (README.md, "Self-healing").
 */
export class KioskPage {
  #page: Page | null = null;
  #recovered: () => void = () => undefined;
  #shuttingDown = false;
  #creating = false;
  #heartbeat: ReturnType<typeof setInterval> | null = null;

  private constructor(
    private readonly context: BrowserContext,
    private readonly url: string,
    private readonly origin: string,
    private readonly logger: Logger,
    private readonly onWindowLost: (() => void) | undefined,
    private readonly core: () => KioskCore,
    private readonly hangAfterMs: number,
  ) {}

  /** Wires the bridge into the context (binding + bridge script) and opens the first page. */
  static async open(input: KioskPageInput): Promise<KioskPage> {
    const holder = new KioskPage(input.context, input.url, input.origin, input.logger, input.onWindowLost, input.core, input.hangAfterMs ?? 15_000);
    input.context.on('page', (page) => {
      holder.#closeIfForeign(page);
    });
    await input.context.exposeBinding(transportNames.binding, (source, channel: unknown, payload: unknown) => {
      const current = holder.#page;
      const trusted =
        current !== null && isTrustedKioskFrame({ sourcePage: source.page, sourceFrame: source.frame, kioskPage: current, kioskOrigin: input.origin });
      return input.core().router.handle(channel, payload, { trusted, description: originOf(source.frame.url()) ?? 'unparseable url' });
    });
    await input.context.addInitScript({ path: input.bridgeFile });
    await holder.#openPage(input.firstPage);
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
          // Runs in the page: its global object is the window.
          const deliver = (globalThis as unknown as Record<string, unknown>)[fn];
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
    // Runs in the page, where navigator has the clipboard (Node's types do not know it).
    await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(''),
    );
  }

  /** Stops replacing pages (the host is shutting down). */
  shutdown(): void {
    this.#shuttingDown = true;
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /** Calls `listener` after a crashed or closed page has been replaced. */
  onRecovered(listener: () => void): void {
    this.#recovered = listener;
  }

  /** Closes a page of the kiosk's context that is not the kiosk page (once it is known). */
  #closeIfForeign(page: Page): void {
    if (this.#creating || page === this.#page) return;
    this.logger.warn({ event: 'foreign-window-closed', origin: originOf(page.url()) ?? 'none' }, 'a browser window other than the kiosk appeared; closed it');
    void page.close().catch(() => undefined);
  }

  /** Brings the page back when its top frame left the kiosk's origin (by any means), and resets the session. */
  #guardNavigation(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (this.#shuttingDown || frame !== page.mainFrame() || this.#page !== page) return;
      if (originOf(frame.url()) === originOf(this.origin)) return;
      this.logger.warn(
        { event: 'kiosk-navigated-away', origin: originOf(frame.url()) ?? 'none' },
        'the kiosk page was navigated away; loading the kiosk again',
      );
      void page.goto(this.url).then(
        () => {
          this.#recovered();
        },
        () => undefined,
      );
    });
  }

  async #openPage(existing: Page | null = null): Promise<void> {
    let page: Page;
    this.#creating = true;
    try {
      page = existing ?? (await this.context.newPage());
    } finally {
      this.#creating = false;
    }
    // Pages that appeared while this one was being made are foreign too.
    for (const other of this.context.pages()) if (other !== page) this.#closeIfForeign(other);
    page.on('popup', (popup) => void popup.close());
    page.on('dialog', (dialog) => void dialog.dismiss());
    page.on('crash', () => {
      this.#failed(page, 'ui-crash');
    });
    page.on('close', () => {
      this.#failed(page, 'ui-closed');
    });
    this.#page = page;
    await page.goto(this.url);
    this.#guardNavigation(page);
    this.#watchHeartbeat(page);
  }

  /** The page crashed, closed or hung: the core decides whether a fresh page (or window) replaces it. */
  #failed(page: Page, event: 'ui-crash' | 'ui-closed' | 'ui-hang'): void {
    if (this.#shuttingDown || this.#page !== page) return;
    // Whatever else this page reports from now on is the same failure.
    this.#page = null;
    this.#stopHeartbeat();
    this.logger.error({ event }, 'kiosk UI lost');
    void this.core()
      .uiFailed(event)
      .then(async (decision) => {
        if (decision === 'give-up' || this.#shuttingDown) return;
        if (this.onWindowLost !== undefined) {
          this.onWindowLost();
          return;
        }
        await closeWithin(page, 5000);
        await this.#openPage();
        this.#recovered();
      })
      .catch((error: unknown) => {
        this.logger.error({ event: 'ui-recovery-failed', err: errorKind(error) }, 'could not reopen the kiosk UI');
      });
  }

  /** Asks the page every few seconds whether its main thread runs; no answer within hangAfterMs: hung. */
  #watchHeartbeat(page: Page): void {
    this.#stopHeartbeat();
    let waitingSince: number | null = null;
    this.#heartbeat = setInterval(
      () => {
        if (this.#page !== page) return;
        if (waitingSince !== null) {
          if (Date.now() - waitingSince >= this.hangAfterMs) this.#failed(page, 'ui-hang');
          return;
        }
        waitingSince = Date.now();
        page
          .evaluate(() => true)
          .then(
            () => {
              waitingSince = null;
            },
            // A page closing or navigating rejects; its own events handle that.
            () => {
              waitingSince = null;
            },
          );
      },
      Math.min(heartbeatEveryMs, this.hangAfterMs),
    );
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }
}

/** Closes a page, but does not wait forever for a renderer that no longer answers. */
async function closeWithin(page: Page, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    page.close({ runBeforeUnload: false }).catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
