import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalKey, PortalLayout, PortalPointer, PortalWheel } from '#shared/contract/portalContract';
import { focusWatchBinding, focusWatchScript, focusWatchWorld, parseFocusPayload } from '#core/portal/focusWatch';
import { pageGuardScript } from '#core/portal/pageGuardScript';
import { loadFailureKind } from '#core/portal/loadFailure';
import { decidePopup } from '#core/portal/popupPolicy';
import { grantedPermissions } from '#core/portal/permissionPolicy';
import type { PortalPage, PortalPageEvents, PortalSurface } from '#core/portal/portalSurface';
import type { Logger } from '#core/logging/logger';
import { errorKind } from '#core/logging/logger';
import { decidePaused, decideRouted, type PausedRequest } from './requestGate';
import { keyCombination, pointerCommand, wheelCommand } from './portalInput';

/** Until the UI reports its layout, a page gets the size of a typical portal area. */
const defaultSize = { width: 1280, height: 800 };
/** Offered PDFs larger than this are not read into memory (the service refuses them anyway). */
const maxBodyBytes = 50 * 1024 * 1024;

export interface ChromiumPortalDeps {
  readonly browser: Browser;
  readonly logger: Logger;
}

/**
 * The Chromium host's portal view: a fresh browser context per opened tile (cookies, storage,
 * cache, service workers and the HTTP auth cache live only in it and go with it), whose page is
 * streamed to the kiosk UI as JPEG frames (DevTools screencast); touches and keys come back from the
 * UI. The page gets nothing of the kiosk: no binding, no init script in its world — focus is
 * watched from an isolated world whose binding only that world can see.
 *
 * Opening a context and its page takes Chromium about 150 ms, so one blank context is made ready
 * ahead: at start and after each page is closed. It holds nothing (about:blank) until a tile is
 * bound to it, and it is used by one page only, so every citizen still gets a context of their own.
 */
export function createChromiumPortalSurface(deps: ChromiumPortalDeps): PortalSurface {
  let spare: Promise<BlankPage> | null = null;
  // The size the UI last gave a page: the spare gets it ahead, so opening a tile need not resize.
  let size: Size = defaultSize;
  const resized = (layout: PortalLayout): void => {
    size = { width: layout.width, height: layout.height };
  };
  const prepare = (): void => {
    const next = createBlankPage(deps, size);
    next.catch((error: unknown) => {
      deps.logger.warn({ event: 'portal-prepare-failed', err: errorKind(error) }, 'no blank portal page could be prepared');
    });
    spare = next;
  };
  prepare();
  return {
    kind: 'frames',
    async open(tile, events, layout) {
      const ready = spare;
      spare = null;
      if (layout !== null) resized(layout);
      const blank = (await ready?.catch(() => null)) ?? (await createBlankPage(deps, size));
      try {
        const granted = grantedPermissions(tile);
        if (granted.length > 0) for (const origin of tile.origins) await blank.context.grantPermissions([...granted], { origin });
        if (!sameSize(blank.page.viewportSize(), size)) await blank.page.setViewportSize(size);
        blank.bind({ tile, events });
        void blank.page.goto(tile.startUrl, { waitUntil: 'commit' }).catch(() => undefined);
        return portalPage(deps, blank, tile, prepare, resized);
      } catch (error) {
        await blank.context.close().catch(() => undefined);
        prepare();
        throw error;
      }
    },
  };
}

interface Size {
  readonly width: number;
  readonly height: number;
}

function sameSize(a: Size | null, b: Size): boolean {
  return a !== null && a.width === b.width && a.height === b.height;
}

/** What a blank page works for once a tile is opened in it. */
interface Binding {
  readonly tile: PortalTile;
  readonly events: PortalPageEvents;
}

interface BlankPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  /** Gives the page its tile (the policies) and where to report; once. */
  bind(binding: Binding): void;
  /** The host is closing the page: its end is no failure. */
  markClosing(): void;
}

/** A fresh context with one about:blank page, every guard and watcher in place, waiting for a tile. */
async function createBlankPage(deps: ChromiumPortalDeps, size: Size): Promise<BlankPage> {
  const context = await deps.browser.newContext({
    viewport: size,
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'de-DE',
    acceptDownloads: false,
    // A service worker's fetches run in a target of its own, past the page's request gate: portals
    // work without one (they must, in any browser that has none yet), so none is registered.
    serviceWorkers: 'block',
  });
  try {
    return await wirePage(deps, context);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

async function wirePage(deps: ChromiumPortalDeps, context: BrowserContext): Promise<BlankPage> {
  const { logger } = deps;
  let bound: Binding | null = null;
  let page: Page | null = null;
  let closing = false;
  // Behind the page's own request gate (below), every request of the whole context passes here
  // too: a popup's navigation (window.open, target=_blank) never leaves the browser — Page.windowOpen
  // below opens allowed ones in the view — and a frame or worker the page's DevTools session might
  // not see still meets the navigation and local-network policy (requestGate.ts, decideRouted).
  // (Routing makes Playwright switch the HTTP cache off for this context: one store less to wipe.)
  await context.route('**/*', (route) => {
    const request = route.request();
    let owner: Page | null = page;
    let mainFrame = false;
    if (request.isNavigationRequest()) {
      try {
        const frame = request.frame();
        owner = frame.page();
        mainFrame = frame === owner.mainFrame();
      } catch {
        // A popup's first request comes before its frame exists.
        owner = null;
      }
    }
    const decision = decideRouted(
      { url: request.url(), navigation: request.isNavigationRequest(), mainFrame, ownedByPortalPage: owner !== null && owner === page },
      bound?.tile ?? null,
    );
    // As the page's gate does: a refused main-frame navigation leaves the page where it was.
    if (decision === 'abort') void route.abort(mainFrame && owner === page ? 'aborted' : 'blockedbyclient').catch(() => undefined);
    else void route.continue().catch(() => undefined);
  });
  context.on('page', (opened) => {
    // The portal page itself is announced here too, before newPage() returns it.
    if (page !== null && opened !== page) void opened.close().catch(() => undefined);
  });

  page = await context.newPage();
  const current = page;
  const cdp = await context.newCDPSession(current);
  const frameTree = await cdp.send('Page.getFrameTree');
  const mainFrameId = frameTree.frameTree.frame.id;

  cdp.on('Fetch.requestPaused', (paused) => {
    if (bound === null) {
      // Nothing may load before a tile says what is allowed.
      void cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
      return;
    }
    void gate(cdp, paused, bound.tile, mainFrameId, bound.events, logger);
  });
  cdp.on('Runtime.bindingCalled', (call) => {
    if (call.name === focusWatchBinding) bound?.events.focus(parseFocusPayload(call.payload));
  });
  // Independent of each other, and all in place before the first navigation.
  await Promise.all([
    cdp.send('Fetch.enable', {
      patterns: [
        { urlPattern: '*', requestStage: 'Request' },
        { urlPattern: '*', resourceType: 'Document', requestStage: 'Response' },
      ],
    }),
    cdp.send('Runtime.enable'),
    cdp.send('Page.enable'),
    cdp.send('Runtime.addBinding', { name: focusWatchBinding, executionContextName: focusWatchWorld }),
    cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: focusWatchScript, worldName: focusWatchWorld, runImmediately: true }),
    // In the page's own world: no print dialog, no file system pickers (pageGuardScript.ts).
    cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: pageGuardScript, runImmediately: true }),
  ]);

  cdp.on('Page.windowOpen', ({ url }) => {
    if (bound === null) return;
    const { tile, events } = bound;
    const decision = decidePopup(url, tile);
    if (decision.action === 'same-view') {
      void current.goto(decision.url, { waitUntil: 'commit' }).catch(() => undefined);
    } else {
      logger.info({ event: 'portal-popup-refused', tile: tile.id, reason: decision.reason }, 'popup refused');
      // A popup with an address (a foreign site, the eID client) is refused like a link to it: the
      // kiosk page with the QR code. One without (about:blank, javascript:) gets a short note.
      if (decision.url === undefined) events.refused('popup');
      else events.blocked({ reason: decision.reason, url: decision.url });
    }
  });

  cdp.on('Page.screencastFrame', (frame) => {
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
    bound?.events.frame({ data: frame.data, width: Math.round(frame.metadata.deviceWidth), height: Math.round(frame.metadata.deviceHeight) });
  });

  current.on('framenavigated', (frame) => {
    if (bound === null || frame !== current.mainFrame()) return;
    const { events } = bound;
    void canGoBack(cdp).then((back) => {
      events.navigated({ url: frame.url(), canGoBack: back });
    });
  });
  current.on('load', () => {
    bound?.events.loading(false);
  });
  // A page that crashed or that the browser closed by itself shows nothing and takes no input any
  // more: the citizen gets the kiosk's error page instead of a frozen picture.
  const lost = (why: string): void => {
    if (bound === null || closing) return;
    logger.warn({ event: 'portal-page-lost', tile: bound.tile.id, why }, 'the portal page went away');
    bound.events.loading(false);
    bound.events.failed({ kind: 'failed', url: bound.tile.startUrl });
  };
  current.on('crash', () => {
    lost('crash');
  });
  current.on('close', () => {
    lost('closed');
  });
  current.on('requestfailed', (request: Request) => {
    if (bound === null || !request.isNavigationRequest() || request.frame() !== current.mainFrame()) return;
    const kind = loadFailureKind(request.failure()?.errorText ?? '');
    if (kind === null) return;
    bound.events.loading(false);
    bound.events.failed({ kind, url: request.url() });
  });
  current.on('dialog', (dialog) => {
    if (bound === null) {
      void dialog.dismiss().catch(() => undefined);
      return;
    }
    bound.events.dialog(
      { kind: dialog.type() as 'alert' | 'confirm' | 'prompt' | 'beforeunload', message: dialog.message(), defaultValue: dialog.defaultValue() },
      (accept, text) => (accept ? dialog.accept(text) : dialog.dismiss()),
    );
  });
  current.on('filechooser', (chooser) => {
    bound?.events.fileChooser({ multiple: chooser.isMultiple(), choose: (paths) => (paths.length === 0 ? Promise.resolve() : chooser.setFiles([...paths])) });
  });

  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 80, maxWidth: 4096, maxHeight: 4096, everyNthFrame: 1 });
  return {
    context,
    page: current,
    cdp,
    bind(binding) {
      if (bound !== null) throw new Error('a portal page is bound to one tile only');
      bound = binding;
    },
    markClosing() {
      closing = true;
    },
  };
}

/** Continues, blocks or intercepts one paused request; never throws (the page may be gone). */
async function gate(cdp: CDPSession, paused: PausedRequest, tile: PortalTile, mainFrameId: string, events: PortalPageEvents, logger: Logger): Promise<void> {
  const decision = decidePaused(paused, tile, mainFrameId);
  try {
    switch (decision.action) {
      case 'continue':
        if (decision.loadingMain === true) events.loading(true);
        await cdp.send('Fetch.continueRequest', { requestId: paused.requestId });
        return;
      case 'block':
        // "Aborted" leaves the page where it was (no error page is committed); the kiosk shows its own.
        await cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: decision.frame === 'main' ? 'Aborted' : 'BlockedByClient' });
        logger.info({ event: 'portal-navigation-refused', tile: tile.id, frame: decision.frame, reason: decision.decision.reason }, 'navigation refused');
        if (decision.frame === 'main') events.blocked({ reason: decision.decision.reason, url: decision.decision.url ?? null });
        return;
      case 'server-error':
        // The server's error page is not shown: the page stays where it was, under the kiosk's error page.
        await cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'Aborted' });
        events.loading(false);
        events.failed({ kind: 'server', url: decision.url });
        return;
      case 'download': {
        let bytes: Uint8Array | null = null;
        if (decision.mimeType === 'application/pdf') bytes = await readBody(cdp, paused.requestId);
        await cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'Aborted' });
        events.loading(false);
        const captured = bytes;
        events.download({
          mimeType: decision.mimeType,
          filename: decision.filename,
          read: () => (captured === null ? Promise.reject(new Error('not read')) : Promise.resolve(captured)),
        });
        return;
      }
    }
  } catch (error) {
    logger.debug({ event: 'portal-gate-failed', err: errorKind(error) }, 'a paused request could not be handled (page closed?)');
  }
}

async function readBody(cdp: CDPSession, requestId: string): Promise<Uint8Array | null> {
  const body = await cdp.send('Fetch.getResponseBody', { requestId });
  const bytes = body.base64Encoded ? Buffer.from(body.body, 'base64') : Buffer.from(body.body, 'utf8');
  return bytes.byteLength > maxBodyBytes ? null : new Uint8Array(bytes);
}

async function canGoBack(cdp: CDPSession): Promise<boolean> {
  try {
    const history = await cdp.send('Page.getNavigationHistory');
    return history.currentIndex > 0;
  } catch {
    return false;
  }
}

function portalPage(deps: ChromiumPortalDeps, blank: BlankPage, tile: PortalTile, afterClose: () => void, resized: (layout: PortalLayout) => void): PortalPage {
  const { context, page, cdp } = blank;
  let closed = false;
  return {
    async navigate(url) {
      await page.goto(url, { waitUntil: 'commit' }).catch(() => undefined);
    },
    async back() {
      await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
    },
    async reload() {
      await page.reload({ waitUntil: 'commit' }).catch(() => undefined);
    },
    async layout(layout) {
      // Hidden views keep their size (the UI simply does not draw their frames meanwhile).
      if (!layout.visible) return;
      resized(layout);
      if (!sameSize(page.viewportSize(), layout)) await page.setViewportSize({ width: layout.width, height: layout.height });
    },
    async type(text) {
      await page.keyboard.insertText(text);
    },
    async key(key: PortalKey) {
      await page.keyboard.press(keyCombination(key));
    },
    async pointer(event: PortalPointer) {
      const command = pointerCommand(event);
      if (command.method === 'Input.dispatchTouchEvent') await cdp.send(command.method, command.params);
      else await cdp.send(command.method, command.params);
    },
    async wheel(event: PortalWheel) {
      await cdp.send('Input.dispatchMouseEvent', wheelCommand(event));
    },
    async printToPdf() {
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
    },
    async close() {
      if (closed) return;
      closed = true;
      blank.markClosing();
      try {
        await context.close();
        deps.logger.info({ event: 'portal-closed', tile: tile.id }, 'portal context closed');
      } finally {
        afterClose();
      }
    },
  };
}
