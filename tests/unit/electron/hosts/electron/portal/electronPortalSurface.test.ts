import type { WebPreferences } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createElectronPortalSurface } from '#electron/hosts/electron/portal/electronPortalSurface';
import { PortalContentsGate } from '#electron/hosts/electron/portal/portalContentsGate';
import { captureLog } from '#tests/unit/support/logCapture';
import { FakeContents, FakeSession, fakeEvents, fakeView, tile } from './portalFakes';

function setup(options: { claim?: boolean; failAttach?: boolean } = {}) {
  const gate = new PortalContentsGate();
  const sessions = new Map<string, FakeSession>();
  const created: { prefs: WebPreferences; contents: FakeContents; view: ReturnType<typeof fakeView> }[] = [];
  const kiosk = { focus: vi.fn(), isDestroyed: vi.fn(() => false) };
  let id = 0;
  const surface = createElectronPortalSurface({
    gate,
    sessionFor: (partition) => {
      const session = new FakeSession();
      sessions.set(partition, session);
      return session.asSession();
    },
    createView: (prefs) => {
      const session = sessions.get(String(prefs.partition));
      const contents = new FakeContents(session ?? {});
      contents.debugger.failAttach = options.failAttach ?? false;
      // What main.ts does from web-contents-created, synchronously inside the constructor.
      if (options.claim ?? true) gate.claim(contents);
      const view = fakeView(contents);
      created.push({ prefs, contents, view });
      return view;
    },
    kioskContents: () => kiosk,
    randomId: () => `id-${String((id += 1))}`,
    logger: captureLog().logger,
  });
  return { surface, sessions, created, kiosk, gate };
}

const layout = { visible: true, x: 0, y: 120, width: 1080, height: 1600 };
const rect = { x: 0, y: 120, width: 1080, height: 1600 };

describe('createElectronPortalSurface', () => {
  it('opens the start URL in a locked-down view of a fresh in-memory partition', async () => {
    const { surface, created } = setup();
    expect(surface.kind).toBe('native');
    await surface.open(tile, fakeEvents(), layout);
    const [first] = created;
    expect(first?.prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      spellcheck: false,
      partition: 'portal-id-1',
      disableBlinkFeatures: 'FileSystemAccessLocal',
    });
    expect(first?.prefs.preload).toBeUndefined();
    expect(String(first?.prefs.partition)).not.toMatch(/^persist:/);
    expect(first?.view.setBounds).toHaveBeenCalledWith(rect);
    expect(first?.view.setVisible).toHaveBeenLastCalledWith(true);
    expect(first?.view.show).toHaveBeenCalled();
    expect(first?.contents.debugger.attach).toHaveBeenCalled();
    expect(first?.contents.loadURL).toHaveBeenCalledWith(tile.startUrl);
    // The debugger was set up before the page could run anything.
    expect(first?.contents.debugger.sendCommand.mock.invocationCallOrder[0]).toBeLessThan(first?.contents.loadURL.mock.invocationCallOrder[0] ?? 0);
  });

  it('shows nothing when the view’s dialogs and file choosers cannot be intercepted (fail closed)', async () => {
    const { surface, created } = setup({ failAttach: true });
    await expect(surface.open(tile, fakeEvents(), layout)).rejects.toThrow('portal-interception-unavailable');
    expect(created[0]?.contents.loadURL).not.toHaveBeenCalled();
    expect(created[0]?.contents.close).toHaveBeenCalled();
  });

  it('closes a page whose interception goes away, and says the page failed', async () => {
    const { surface, created } = setup();
    const events = fakeEvents();
    await surface.open(tile, events, layout);
    const [first] = created;
    first?.contents.debugger.emit('detach', {}, 'target closed');
    expect(events.failed).toHaveBeenCalledWith({ kind: 'failed', url: tile.startUrl });
    await vi.waitFor(() => {
      expect(first?.contents.close).toHaveBeenCalled();
    });
  });

  it('refuses the page’s requests to the terminal and the local network, and logs only the origin', async () => {
    const { surface, sessions } = setup();
    await surface.open(tile, fakeEvents(), layout);
    const session = [...sessions.values()][0];
    expect(session?.requestCancelled('http://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A%2F%2Fx')).toBe(true);
    expect(session?.requestCancelled('https://portal.example.de/start')).toBe(false);
  });

  it('uses a new partition for every open()', async () => {
    const { surface, created } = setup();
    await surface.open(tile, fakeEvents(), null);
    await surface.open(tile, fakeEvents(), null);
    expect(created.map((entry) => entry.prefs.partition)).toEqual(['portal-id-1', 'portal-id-2']);
    // No layout yet: the view stays hidden until the UI reports one.
    expect(created[0]?.view.setVisible).toHaveBeenCalledWith(false);
    expect(created[0]?.view.setBounds).not.toHaveBeenCalled();
  });

  it('installs the session policies before the view exists', async () => {
    const { surface, sessions } = setup();
    await surface.open(tile, fakeEvents(), null);
    const session = sessions.get('portal-id-1');
    expect(session?.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session?.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session?.listenerCount('will-download')).toBe(1);
  });

  it('refuses a view the kiosk lock took (not claimed as a portal view)', async () => {
    const { surface, created } = setup({ claim: false });
    await expect(surface.open(tile, fakeEvents(), null)).rejects.toThrow(/not recognised/);
    expect(created[0]?.contents.loadURL).not.toHaveBeenCalled();
    expect(created[0]?.contents.close).toHaveBeenCalled();
  });

  it('drives the page: layout, navigation by policy, back, reload, typing, keys, PDF', async () => {
    const { surface, created } = setup();
    const events = fakeEvents();
    const page = await surface.open(tile, events, null);
    const entry = created[0];
    if (entry === undefined) throw new Error('no view');
    const { contents, view } = entry;
    await page.layout(layout);
    expect(view.setBounds).toHaveBeenLastCalledWith(rect);
    expect(view.setVisible).toHaveBeenLastCalledWith(true);
    // Covered by a kiosk dialog: hidden, since the native view would be drawn above it.
    await page.layout({ ...layout, visible: false });
    expect(view.setVisible).toHaveBeenLastCalledWith(false);
    await page.navigate('https://evil.example/');
    expect(events.blocked).toHaveBeenCalledWith({ reason: 'foreign-origin', url: 'https://evil.example/' });
    await page.navigate('https://portal.example.de/home');
    expect(contents.loadURL).toHaveBeenLastCalledWith('https://portal.example.de/home');
    await page.back();
    expect(contents.navigationHistory.goBack).not.toHaveBeenCalled();
    contents.canGoBack = true;
    await page.back();
    expect(contents.navigationHistory.goBack).toHaveBeenCalled();
    await page.reload();
    expect(contents.reload).toHaveBeenCalled();
    await page.type('Müller');
    expect(contents.insertText).toHaveBeenCalledWith('Müller');
    await page.key('Shift+Tab');
    expect(contents.sendInputEvent.mock.calls).toEqual([
      [{ type: 'keyDown', keyCode: 'Tab', modifiers: ['shift'] }],
      [{ type: 'keyUp', keyCode: 'Tab', modifiers: ['shift'] }],
    ]);
    contents.sendInputEvent.mockClear();
    await page.key('Enter');
    expect(contents.sendInputEvent.mock.calls.map(([event]: unknown[]) => (event as { type: string }).type)).toEqual(['keyDown', 'char', 'keyUp']);
    await page.pointer({ type: 'down', pointer: 'touch', x: 1, y: 1 });
    await page.wheel({ x: 1, y: 1, deltaX: 0, deltaY: 10 });
    expect(Array.from(await page.printToPdf()).slice(0, 4)).toEqual([37, 80, 68, 70]);
    expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true });
  });

  it("lets the UI's Escape key reach the page, while a physical Escape refocuses the kiosk", async () => {
    const { surface, created, kiosk } = setup();
    const page = await surface.open(tile, fakeEvents(), null);
    const contents = created[0]?.contents;
    if (contents === undefined) throw new Error('no view');
    const prevented: boolean[] = [];
    contents.sendInputEvent.mockImplementation((input: { type: string }) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, { type: input.type, key: 'Escape', control: false, meta: false, alt: false, shift: false });
      prevented.push(event.preventDefault.mock.calls.length > 0);
    });
    await page.key('Escape');
    expect(prevented).toEqual([false, false]);
    expect(kiosk.focus).not.toHaveBeenCalled();
    const physical = { preventDefault: vi.fn() };
    contents.emit('before-input-event', physical, { type: 'keyDown', key: 'Escape', control: false, meta: false, alt: false, shift: false });
    expect(physical.preventDefault).toHaveBeenCalled();
    expect(kiosk.focus).toHaveBeenCalled();
  });

  it('closes idempotently: removes the view, destroys the contents, empties the partition, goes silent', async () => {
    const { surface, created, sessions } = setup();
    const events = fakeEvents();
    const page = await surface.open(tile, events, layout);
    const entry = created[0];
    const session = sessions.get('portal-id-1');
    if (entry === undefined || session === undefined) throw new Error('no view');
    await page.close();
    expect(entry.view.remove).toHaveBeenCalledTimes(1);
    expect(entry.contents.debugger.detach).toHaveBeenCalled();
    expect(entry.contents.close).toHaveBeenCalledWith({ waitForBeforeUnload: false });
    for (const clear of [session.clearStorageData, session.clearCache, session.clearAuthCache, session.clearHostResolverCache])
      expect(clear).toHaveBeenCalledTimes(1);
    // Events of the dying contents no longer reach the service.
    entry.contents.emit('did-stop-loading');
    expect(events.loading).not.toHaveBeenCalled();
    await page.close();
    expect(entry.view.remove).toHaveBeenCalledTimes(1);
    expect(session.clearStorageData).toHaveBeenCalledTimes(1);
    // Commands after close do nothing; a PDF is refused.
    await page.navigate('https://portal.example.de/');
    await page.type('x');
    expect(entry.contents.loadURL).toHaveBeenCalledTimes(1);
    expect(entry.contents.insertText).not.toHaveBeenCalled();
    await expect(page.printToPdf()).rejects.toThrow('portal-closed');
  });

  it('closes without throwing when everything is already destroyed', async () => {
    const { surface, created, sessions } = setup();
    const page = await surface.open(tile, fakeEvents(), null);
    const entry = created[0];
    const session = sessions.get('portal-id-1');
    if (entry === undefined || session === undefined) throw new Error('no view');
    entry.view.remove.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    entry.contents.debugger.isAttached.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    entry.contents.destroyed = true;
    session.clearCache.mockRejectedValue(new Error('gone'));
    session.clearStorageData.mockImplementation(() => {
      throw new Error('gone');
    });
    await expect(page.close()).resolves.toBeUndefined();
    expect(entry.contents.close).not.toHaveBeenCalled();
  });

  it('keeps a throwing service listener out of the Electron handler', async () => {
    const { surface, created } = setup();
    const events = fakeEvents();
    events.blocked.mockImplementation(() => {
      throw new Error('service bug');
    });
    await surface.open(tile, events, null);
    const contents = created[0]?.contents;
    const event = { preventDefault: vi.fn(), url: 'https://evil.example/', isMainFrame: true, initiator: null };
    expect(() => contents?.emit('will-redirect', event, event.url)).not.toThrow();
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
