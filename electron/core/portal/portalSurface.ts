import type { PortalTile } from '#shared/config/portalConfig';
import type { PortalFocusKind, PortalFrame, PortalKey, PortalLayout, PortalPointer, PortalWheel } from '#shared/contract/portalContract';
import type { NavigationRefusal } from './navigationPolicy';

/**
 * The port through which the core's portal service drives a host's browser (README.md, "Online services (workstation)"). Electron implements it with a WebContentsView in a fresh in-memory partition;
 * the Chromium host with a fresh browser context whose page it streams as frames. Both hosts apply
 * the pure policies of this folder themselves, at the hooks their browser offers, and report what
 * happened through `PortalPageEvents`; the service turns that into the view state the UI shows.
 */

export type PortalErrorKind = 'offline' | 'server' | 'certificate' | 'failed';

export interface PortalDialogRequest {
  readonly kind: 'alert' | 'confirm' | 'prompt' | 'beforeunload';
  readonly message: string;
  readonly defaultValue: string;
}

export interface PortalDownload {
  /** Content-Type of the response. */
  readonly mimeType: string;
  /** Suggested file name (shown, never trusted for the decision). */
  readonly filename: string;
  /** The bytes, read into memory only when the download is offered for printing. */
  read(): Promise<Uint8Array>;
}

export interface PortalFileChooser {
  readonly multiple: boolean;
  /** Sets the chosen files (absolute paths inside the scan folder); an empty list cancels. */
  choose(paths: readonly string[]): Promise<void>;
}

/** What a portal page reports to the service. Hosts call these from their browser's events. */
export interface PortalPageEvents {
  /** The main frame started or stopped loading. */
  loading(loading: boolean): void;
  /** The main frame committed a page of an allowed origin. */
  navigated(info: { readonly url: string; readonly canGoBack: boolean }): void;
  /** A main-frame navigation (or popup) was refused; the host has already stopped it. */
  blocked(refusal: { readonly reason: NavigationRefusal; readonly url: string | null }): void;
  /** The main frame could not be loaded (offline, DNS, 5xx, certificate). */
  failed(error: { readonly kind: PortalErrorKind; readonly url: string }): void;
  /** Focus moved in the page: which keyboard the citizen needs now. */
  focus(kind: PortalFocusKind): void;
  /** A JavaScript dialog opened; the host keeps it open until `answer` is called. */
  dialog(request: PortalDialogRequest, answer: (accept: boolean, text?: string) => Promise<void>): void;
  /** A download started; the host has stopped it from being saved. */
  download(download: PortalDownload): void;
  /** A file chooser opened; the host has stopped the operating system's dialog. */
  fileChooser(chooser: PortalFileChooser): void;
  /** A popup or permission was refused (for a short note to the citizen). */
  refused(what: 'popup' | 'permission'): void;
  /** Chromium host only: a new picture of the page. */
  frame(frame: PortalFrame): void;
  /**
   * The citizen touched or typed in the page, which the kiosk page itself never sees when the
   * host draws the view natively (Electron): the idle timer starts over.
   */
  activity(): void;
}

/** One open portal page of one session, in its own fresh partition/context. */
export interface PortalPage {
  navigate(url: string): Promise<void>;
  back(): Promise<void>;
  reload(): Promise<void>;
  layout(layout: PortalLayout): Promise<void>;
  /** Inserts text into the focused field, as an input method would (no key events per character needed). */
  type(text: string): Promise<void>;
  key(key: PortalKey): Promise<void>;
  /** Chromium host only (Electron's view receives input natively; it ignores these). */
  pointer(event: PortalPointer): Promise<void>;
  wheel(event: PortalWheel): Promise<void>;
  /** The current page as an A4 PDF. */
  printToPdf(): Promise<Uint8Array>;
  /** Destroys the page with its whole partition/context: cookies, storage, cache, service workers, auth. */
  close(): Promise<void>;
}

export interface PortalSurface {
  /** 'native': the host draws the view itself; 'frames': the UI draws the frames the host sends. */
  readonly kind: 'frames' | 'native';
  /** Opens `tile`'s start URL in a fresh partition/context; the policies of the tile apply from the first request. */
  open(tile: PortalTile, events: PortalPageEvents, layout: PortalLayout | null): Promise<PortalPage>;
}
