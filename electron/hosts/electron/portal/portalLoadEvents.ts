import type { Certificate } from 'electron';
import { loadFailureKind } from '#core/portal/loadFailure';
import type { PortalErrorKind, PortalPageEvents } from '#core/portal/portalSurface';
import type { PortalContents } from './portalPorts';

/**
 * What the main frame of a portal view does, reported to the service: loading, committed pages
 * (with the HTTP status, so a 5xx page becomes the kiosk's error page), failed loads by kind, and
 * certificate errors, which are always refused (no "continue anyway", no client certificate).
 */

type ReportingContents = Pick<PortalContents, 'on' | 'navigationHistory'>;

/** Installs the load, navigation and certificate reporting of one portal view. */
export function reportPortalLoads(contents: ReportingContents, events: Pick<PortalPageEvents, 'loading' | 'navigated' | 'failed'>): void {
  // A certificate error is seen twice (certificate-error, then did-fail-load): report each failure once per load.
  let reported: string | null = null;
  const fail = (kind: PortalErrorKind, url: string): void => {
    const key = `${kind} ${url}`;
    if (reported === key) return;
    reported = key;
    events.failed({ kind, url });
  };
  const navigated = (url: string): void => {
    events.navigated({ url, canGoBack: canGoBack(contents) });
  };

  contents.on('did-start-loading', () => {
    reported = null;
    events.loading(true);
  });
  contents.on('did-stop-loading', () => {
    events.loading(false);
  });
  contents.on('did-navigate', (_event, url, httpResponseCode) => {
    navigated(url);
    // The server's own error page is not shown: the kiosk's error page offers a retry instead.
    if (httpResponseCode >= 500) fail('server', url);
  });
  contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (isMainFrame) navigated(url);
  });
  contents.on('did-fail-load', (_event, _errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame) return;
    // The description is the net error's name (ERR_NAME_NOT_RESOLVED), as the Chromium host sees it.
    const kind = loadFailureKind(errorDescription);
    if (kind !== null) fail(kind, validatedURL);
  });
  contents.on('certificate-error', (event, url, _error, _certificate, callback, isMainFrame) => {
    // Always refused (core/portal/certificatePolicy.ts says why there is no override).
    event.preventDefault();
    callback(false);
    if (isMainFrame) fail('certificate', url);
  });
  contents.on('select-client-certificate', (event, _url, _certificates, callback) => {
    // Without preventDefault Electron would pick the first certificate of the machine by itself.
    event.preventDefault();
    // No argument: continue without a client certificate (the typings make it required).
    (callback as (certificate?: Certificate) => void)();
  });
}

function canGoBack(contents: Pick<PortalContents, 'navigationHistory'>): boolean {
  try {
    return contents.navigationHistory.canGoBack();
  } catch {
    return false;
  }
}

/** Input that shows a citizen is still there (a touch, a click, a key, the wheel), not pointer moves. */
const activityInputs: ReadonlySet<string> = new Set(['mouseDown', 'mouseWheel', 'keyDown', 'rawKeyDown', 'touchStart', 'gestureTap', 'gestureScrollBegin']);

/**
 * Touches and keys in the portal view go to it directly, never through the kiosk page that reports
 * activity otherwise: the view reports them itself, so the idle timer does not run out mid-form.
 */
export function reportPortalActivity(contents: Pick<PortalContents, 'on'>, events: Pick<PortalPageEvents, 'activity'>): void {
  contents.on('input-event', (_event, input) => {
    if (activityInputs.has(input.type)) events.activity();
  });
}
