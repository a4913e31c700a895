import { describe, expect, it, vi } from 'vitest';
import { focusWatchBinding, focusWatchWorld } from '#core/portal/focusWatch';
import type { PortalFileChooser } from '#core/portal/portalSurface';
import { pageGuardScript } from '#core/portal/pageGuardScript';
import { attachPortalDevtools } from '#electron/hosts/electron/portal/portalDevtools';
import { FakeContents, fakeEvents } from './portalFakes';

async function setup(options: { failAttach?: boolean; refuse?: string } = {}) {
  const contents = new FakeContents({});
  // Electron's own handler, which would show a native message box.
  const electronDialog = vi.fn();
  contents.on('-run-dialog', electronDialog);
  contents.debugger.failAttach = options.failAttach ?? false;
  const refused = options.refuse;
  if (refused !== undefined) {
    contents.debugger.sendCommand.mockImplementation((method: string) => (method === refused ? Promise.reject(new Error('refused')) : Promise.resolve({})));
  }
  const events = fakeEvents();
  const lost = vi.fn();
  const attached = await attachPortalDevtools(contents.asContents(), events, lost);
  return { contents, events, attached, electronDialog, debug: contents.debugger, lost };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('attachPortalDevtools', () => {
  it('attaches and sets up dialogs, file choosers and the isolated focus watcher', async () => {
    const { attached, debug } = await setup();
    expect(attached).toBe(true);
    expect(debug.attach).toHaveBeenCalledWith('1.3');
    const methods = debug.commands.map((command) => command.method);
    expect(methods).toEqual(expect.arrayContaining(['Page.enable', 'Runtime.enable', 'Page.setInterceptFileChooserDialog', 'Target.setAutoAttach']));
    expect(debug.commands).toContainEqual({ method: 'Runtime.addBinding', params: { name: focusWatchBinding, executionContextName: focusWatchWorld } });
    const script = debug.commands.find((command) => command.method === 'Page.addScriptToEvaluateOnNewDocument');
    expect(script?.params).toMatchObject({ worldName: focusWatchWorld, runImmediately: true });
    // The page guard runs in the page's own world (no worldName), so print() and the pickers are replaced there.
    expect(debug.commands).toContainEqual({ method: 'Page.addScriptToEvaluateOnNewDocument', params: { source: pageGuardScript, runImmediately: true } });
    // The binding is added to the isolated world by name, never globally.
    expect(
      debug.commands
        .filter((command) => command.method === 'Runtime.addBinding')
        .every((command) => (command.params as Record<string, unknown>).executionContextName === focusWatchWorld),
    ).toBe(true);
  });

  it('reports a dialog and answers it through CDP; Electron’s native box never opens', async () => {
    const { events, debug, contents, electronDialog } = await setup();
    const electronCallback = vi.fn();
    contents.emit('-run-dialog', { dialogType: 'confirm', messageText: 'Sicher?' }, electronCallback);
    expect(electronDialog).not.toHaveBeenCalled();
    expect(electronCallback).not.toHaveBeenCalled();

    debug.cdp('Page.javascriptDialogOpening', { url: 'https://portal.example.de/', message: 'Sicher?', type: 'confirm', hasBrowserHandler: true });
    expect(events.dialog).toHaveBeenCalledWith({ kind: 'confirm', message: 'Sicher?', defaultValue: '' }, expect.any(Function));
    const answer = events.dialog.mock.lastCall?.[1] as (accept: boolean, text?: string) => Promise<void>;
    await answer(true);
    expect(debug.commands.at(-1)).toEqual({ method: 'Page.handleJavaScriptDialog', params: { accept: true } });
  });

  it('passes the prompt text and default value', async () => {
    const { events, debug } = await setup();
    debug.cdp('Page.javascriptDialogOpening', { message: 'Name?', type: 'prompt', defaultPrompt: 'Max' });
    expect(events.dialog.mock.lastCall?.[0]).toEqual({ kind: 'prompt', message: 'Name?', defaultValue: 'Max' });
    await (events.dialog.mock.lastCall?.[1] as (accept: boolean, text?: string) => Promise<void>)(true, 'Erika');
    expect(debug.commands.at(-1)).toEqual({ method: 'Page.handleJavaScriptDialog', params: { accept: true, promptText: 'Erika' } });
  });

  it('ignores beforeunload and malformed dialog events', async () => {
    const { events, debug } = await setup();
    debug.cdp('Page.javascriptDialogOpening', { message: 'Leave?', type: 'beforeunload' });
    debug.cdp('Page.javascriptDialogOpening', { message: 'x', type: 'evil' });
    debug.cdp('Page.javascriptDialogOpening', null);
    expect(events.dialog).not.toHaveBeenCalled();
  });

  it('survives a failing answer (dialog already gone)', async () => {
    const { events, debug } = await setup();
    debug.cdp('Page.javascriptDialogOpening', { message: 'Hi', type: 'alert' });
    debug.sendCommand.mockRejectedValueOnce(new Error('No dialog is showing'));
    await expect((events.dialog.mock.lastCall?.[1] as (accept: boolean) => Promise<void>)(true)).resolves.toBeUndefined();
  });

  it('dismisses dialogs at once when CDP is not available', async () => {
    const { attached, contents } = await setup({ failAttach: true });
    expect(attached).toBe(false);
    const electronCallback = vi.fn();
    contents.emit('-run-dialog', { dialogType: 'alert' }, electronCallback);
    expect(electronCallback).toHaveBeenCalledWith(false, '');
  });

  it('reports a file chooser and sets only chosen files on its input', async () => {
    const { events, debug } = await setup();
    debug.cdp('Page.fileChooserOpened', { frameId: 'f', mode: 'selectMultiple', backendNodeId: 42 });
    const chooser = events.fileChooser.mock.lastCall?.[0] as PortalFileChooser;
    expect(chooser.multiple).toBe(true);
    const before = debug.commands.length;
    await chooser.choose([]);
    expect(debug.commands.length).toBe(before);
    await chooser.choose(['/srv/scans/a.pdf']);
    expect(debug.commands.at(-1)).toEqual({ method: 'DOM.setFileInputFiles', params: { files: ['/srv/scans/a.pdf'], backendNodeId: 42 } });
  });

  it('turns binding calls of the watcher into focus kinds, strictly', async () => {
    const { events, debug } = await setup();
    debug.cdp('Runtime.bindingCalled', { name: focusWatchBinding, payload: 'email', executionContextId: 3 });
    debug.cdp('Runtime.bindingCalled', { name: focusWatchBinding, payload: '{"kind":"text"}', executionContextId: 3 });
    debug.cdp('Runtime.bindingCalled', { name: 'somethingElse', payload: 'text', executionContextId: 3 });
    expect(events.focus.mock.calls).toEqual([['email'], ['none']]);
  });

  it('sets up a cross-origin subframe target before letting it run, and answers in its session', async () => {
    const { events, debug } = await setup();
    debug.cdp('Target.attachedToTarget', { sessionId: 'child', targetInfo: { type: 'iframe' }, waitingForDebugger: true });
    await flush();
    const child = debug.commands.filter((command) => command.sessionId === 'child').map((command) => command.method);
    expect(child).toContain('Page.setInterceptFileChooserDialog');
    expect(child).toContain('Runtime.addBinding');
    expect(child.at(-1)).toBe('Runtime.runIfWaitingForDebugger');
    debug.cdp('Page.fileChooserOpened', { frameId: 'g', mode: 'selectSingle', backendNodeId: 7 }, 'child');
    await (events.fileChooser.mock.lastCall?.[0] as PortalFileChooser).choose(['/srv/scans/b.pdf']);
    expect(debug.commands.at(-1)).toMatchObject({ method: 'DOM.setFileInputFiles', sessionId: 'child' });
  });

  it('only resumes other targets (workers)', async () => {
    const { debug } = await setup();
    debug.cdp('Target.attachedToTarget', { sessionId: 'worker', targetInfo: { type: 'worker' }, waitingForDebugger: true });
    await flush();
    expect(debug.commands.filter((command) => command.sessionId === 'worker').map((command) => command.method)).toEqual(['Runtime.runIfWaitingForDebugger']);
  });
});

describe('attachPortalDevtools fails closed', () => {
  it('reports a view whose file choosers cannot be intercepted as not set up, and lets go of it', async () => {
    const { attached, debug } = await setup({ refuse: 'Page.setInterceptFileChooserDialog' });
    expect(attached).toBe(false);
    expect(debug.detach).toHaveBeenCalled();
  });

  it('tells the caller when the debugger goes away during the session', async () => {
    const { debug, lost } = await setup();
    debug.emit('detach', {}, 'replaced with devtools');
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('tells the caller when a frame’s file choosers cannot be intercepted', async () => {
    const { debug, lost } = await setup();
    debug.sendCommand.mockImplementation((method: string, _params?: unknown, sessionId?: string) =>
      method === 'Page.setInterceptFileChooserDialog' && sessionId === 'frame-1' ? Promise.reject(new Error('gone')) : Promise.resolve({}),
    );
    debug.cdp('Target.attachedToTarget', { sessionId: 'frame-1', targetInfo: { type: 'iframe' } });
    await flush();
    await flush();
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
