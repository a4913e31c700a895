import { focusWatchBinding, focusWatchScript, focusWatchWorld, parseFocusPayload } from '#core/portal/focusWatch';
import { pageGuardScript } from '#core/portal/pageGuardScript';
import type { PortalDialogRequest, PortalPageEvents } from '#core/portal/portalSurface';
import type { PortalContents, PortalDebugger } from './portalPorts';

/**
 * JavaScript dialogs, file choosers and field focus of a portal view, through the Chrome DevTools
 * Protocol of its own webContents (Electron has no hooks for them). Nothing is given to the page:
 * dialogs and file choosers are intercepted in the browser, and the focus watcher runs in an
 * isolated world whose binding the page's main world never sees.
 *
 * Cross-origin subframes (allowed origins of the tile) run in their own renderer with their own
 * DevTools target: they are auto-attached, paused until the same set-up ran in them, and resumed;
 * otherwise a file chooser in such a frame would open the operating system's dialog.
 *
 * Electron's own dialog handler (an internal `-run-dialog` event) would show a native message box
 * over the kiosk, or answer prompt() at once; it is replaced, so the answer given through CDP is
 * the one that counts. If the debugger is not attached, dialogs are dismissed at once instead.
 *
 * Interception fails closed: a view whose debugger cannot be attached is not shown, and one whose
 * debugger goes away (another client took it, the target was replaced) is reported through
 * `onLost`, so the caller closes it before a file chooser could fall back to the native dialog.
 */

type DevtoolsContents = Pick<PortalContents, 'removeAllListeners'> & { readonly debugger: PortalDebugger };
type DevtoolsEvents = Pick<PortalPageEvents, 'dialog' | 'fileChooser' | 'focus'>;
type ElectronDialogCallback = (accept: boolean, text: string) => void;

const dialogKinds: readonly PortalDialogRequest['kind'][] = ['alert', 'confirm', 'prompt', 'beforeunload'];

/** Attaches CDP to a portal view and wires dialogs, file choosers and focus; true when attached and set up. */
export async function attachPortalDevtools(contents: DevtoolsContents, events: DevtoolsEvents, onLost: () => void): Promise<boolean> {
  const debug = contents.debugger;
  let attached = false;
  suppressElectronDialogs(contents, () => attached);

  const send = async (method: string, params: Record<string, unknown>, sessionId?: string): Promise<unknown> => {
    try {
      return (await (sessionId === undefined ? debug.sendCommand(method, params) : debug.sendCommand(method, params, sessionId))) as unknown;
    } catch {
      // Target gone (navigation, frame detached, page closed) or command refused: nothing to do.
      return undefined;
    }
  };
  /** Sets up one target; false when its file choosers are not intercepted or its page guard is missing. */
  const setUp = async (sessionId?: string): Promise<boolean> => {
    await send('Page.enable', {}, sessionId);
    await send('Runtime.enable', {}, sessionId);
    await send('Runtime.addBinding', { name: focusWatchBinding, executionContextName: focusWatchWorld }, sessionId);
    await send('Page.addScriptToEvaluateOnNewDocument', { source: focusWatchScript, worldName: focusWatchWorld, runImmediately: true }, sessionId);
    // In the page's own world: no native print dialog, no file system pickers.
    const guarded = (await send('Page.addScriptToEvaluateOnNewDocument', { source: pageGuardScript, runImmediately: true }, sessionId)) !== undefined;
    const intercepting = (await send('Page.setInterceptFileChooserDialog', { enabled: true }, sessionId)) !== undefined;
    await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
    return intercepting && guarded;
  };

  debug.on('detach', () => {
    const wasAttached = attached;
    attached = false;
    if (wasAttached) onLost();
  });
  debug.on('message', (_event, method, params: unknown, sessionId) => {
    const child = typeof sessionId === 'string' && sessionId !== '' ? sessionId : undefined;
    const record = asRecord(params);
    switch (method) {
      case 'Page.javascriptDialogOpening':
        onDialog(record, events, (accept, text) => send('Page.handleJavaScriptDialog', text === undefined ? { accept } : { accept, promptText: text }, child));
        break;
      case 'Page.fileChooserOpened':
        onFileChooser(record, events, (files, backendNodeId) => send('DOM.setFileInputFiles', { files, backendNodeId }, child));
        break;
      case 'Runtime.bindingCalled':
        if (record.name === focusWatchBinding) events.focus(parseFocusPayload(record.payload));
        break;
      case 'Target.attachedToTarget':
        void onAttached(record, setUp, send, onLost);
        break;
      default:
        break;
    }
  });

  try {
    debug.attach('1.3');
  } catch {
    return false;
  }
  attached = true;
  // The file chooser interception is the one command that must have worked.
  const intercepting = await setUp();
  if (!intercepting) {
    attached = false;
    try {
      debug.detach();
    } catch {
      // Already detached.
    }
  }
  return intercepting;
}

function onDialog(params: Record<string, unknown>, events: DevtoolsEvents, handle: (accept: boolean, text?: string) => Promise<unknown>): void {
  const kind = dialogKinds.find((known) => known === params.type);
  // beforeunload is decided synchronously by the host (will-prevent-unload): nothing to ask.
  if (kind === undefined || kind === 'beforeunload') return;
  const request: PortalDialogRequest = {
    kind,
    message: typeof params.message === 'string' ? params.message : '',
    defaultValue: typeof params.defaultPrompt === 'string' ? params.defaultPrompt : '',
  };
  events.dialog(request, async (accept, text) => {
    await handle(accept, kind === 'prompt' ? text : undefined);
  });
}

function onFileChooser(params: Record<string, unknown>, events: DevtoolsEvents, setFiles: (files: string[], backendNodeId: number) => Promise<unknown>): void {
  const backendNodeId = params.backendNodeId;
  events.fileChooser({
    multiple: params.mode === 'selectMultiple',
    choose: async (paths) => {
      // An empty choice is a cancel: the input keeps no file. Without a node id there is no input to fill.
      if (paths.length === 0 || typeof backendNodeId !== 'number') return;
      await setFiles([...paths], backendNodeId);
    },
  });
}

async function onAttached(
  params: Record<string, unknown>,
  setUp: (sessionId: string) => Promise<boolean>,
  send: (method: string, params: Record<string, unknown>, sessionId?: string) => Promise<unknown>,
  onLost: () => void,
): Promise<void> {
  const sessionId = params.sessionId;
  if (typeof sessionId !== 'string' || sessionId === '') return;
  try {
    // A frame whose file choosers cannot be intercepted would show the native dialog: close the view.
    if (asRecord(params.targetInfo).type === 'iframe' && !(await setUp(sessionId))) onLost();
  } finally {
    // The target waits for this (waitForDebuggerOnStart) whether or not the set-up worked.
    await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
  }
}

/**
 * Replaces Electron's internal dialog handler. Internal event, so kept in one place: if a future
 * Electron renames it, the native message box comes back (visible, not a security hole).
 */
function suppressElectronDialogs(contents: Pick<PortalContents, 'removeAllListeners'>, attached: () => boolean): void {
  contents.removeAllListeners('-run-dialog');
  (contents as unknown as NodeJS.EventEmitter).on('-run-dialog', (_info: unknown, callback: unknown) => {
    // Attached: the dialog stays open until the service answers through CDP. Otherwise nobody
    // could answer it, and a page blocked on alert() would be stuck: dismiss it.
    if (!attached() && typeof callback === 'function') (callback as ElectronDialogCallback)(false, '');
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
