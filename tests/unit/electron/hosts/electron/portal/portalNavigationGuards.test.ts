import { describe, expect, it, vi } from 'vitest';
import { guardPortalContents } from '#electron/hosts/electron/portal/portalNavigationGuards';
import { FakeContents, fakeEvent, fakeEvents, tile } from './portalFakes';

function setup(options: { sending?: boolean } = {}) {
  const contents = new FakeContents({});
  const events = fakeEvents();
  const kiosk = { focus: vi.fn(), isDestroyed: vi.fn(() => false) };
  guardPortalContents(contents.asContents(), { tile, events, kioskContents: () => kiosk, sendingKey: () => options.sending ?? false });
  return { contents, events, kiosk };
}

const frameOf = (origin: string) => ({ origin });

describe('guardPortalContents: navigation', () => {
  it('refuses a main-frame redirect to a foreign origin and reports it once', () => {
    const { contents, events } = setup();
    const event = fakeEvent({ url: 'https://evil.example/phish', isMainFrame: true, initiator: null });
    contents.emit('will-redirect', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(events.blocked).toHaveBeenCalledExactlyOnceWith({ reason: 'foreign-origin', url: 'https://evil.example/phish' });
  });

  it('lets an allowed subframe navigation pass without a report', () => {
    const { contents, events } = setup();
    const event = fakeEvent({ url: 'https://login.example.de/frame', isMainFrame: false, initiator: frameOf('https://portal.example.de') });
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(events.blocked).not.toHaveBeenCalled();
  });

  it('refuses a foreign subframe silently (the page stays)', () => {
    const { contents, events } = setup();
    const event = fakeEvent({ url: 'https://ads.example/', isMainFrame: false, initiator: frameOf('https://portal.example.de') });
    contents.emit('will-frame-navigate', event);
    contents.emit('will-redirect', event, event.url);
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    expect(events.blocked).not.toHaveBeenCalled();
  });

  it('reports a refused main-frame link from will-frame-navigate only, though will-navigate refuses it too', () => {
    const { contents, events } = setup();
    const frameNav = fakeEvent({ url: 'https://evil.example/', isMainFrame: true, initiator: frameOf('https://portal.example.de') });
    contents.emit('will-frame-navigate', frameNav);
    const nav = fakeEvent({ url: 'https://evil.example/', isMainFrame: true, initiator: frameOf('https://portal.example.de') });
    contents.emit('will-navigate', nav, nav.url);
    expect(frameNav.preventDefault).toHaveBeenCalled();
    expect(nav.preventDefault).toHaveBeenCalled();
    expect(events.blocked).toHaveBeenCalledTimes(1);
  });

  it('refuses a navigation started by a foreign frame even to an allowed target', () => {
    const { contents } = setup();
    const event = fakeEvent({ url: 'https://portal.example.de/x', isMainFrame: true, initiator: frameOf('https://evil.example') });
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('judges a destroyed initiator frame by the target alone', () => {
    const { contents } = setup();
    const initiator = {
      get origin(): string {
        throw new Error('Render frame was disposed');
      },
    };
    const allowed = fakeEvent({ url: 'https://portal.example.de/x', isMainFrame: true, initiator });
    contents.emit('will-frame-navigate', allowed);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    const foreign = fakeEvent({ url: 'https://evil.example/', isMainFrame: true, initiator });
    contents.emit('will-frame-navigate', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();
  });

  it('reports the eID client address for the eID hand-over', () => {
    const { contents, events } = setup();
    const event = fakeEvent({ url: 'http://127.0.0.1:24727/eID-Client?tcTokenURL=x', isMainFrame: true, initiator: frameOf('https://portal.example.de') });
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(events.blocked).toHaveBeenCalledWith(expect.objectContaining({ reason: 'eid' }));
  });
});

describe('guardPortalContents: popups', () => {
  it('opens an allowed popup in the same view and denies the window', async () => {
    const { contents, events } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://portal.example.de/form' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(contents.loadURL).toHaveBeenCalledWith('https://portal.example.de/form');
    expect(events.refused).not.toHaveBeenCalled();
  });

  it('denies a popup to a foreign site as a blocked page (QR code)', () => {
    const { contents, events } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(events.blocked).toHaveBeenCalledWith({ reason: 'foreign-origin', url: 'https://evil.example/' });
    expect(contents.loadURL).not.toHaveBeenCalled();
  });

  it('denies an about:blank popup with a short note', () => {
    const { contents, events } = setup();
    expect(contents.windowOpenHandler?.({ url: 'about:blank' })).toEqual({ action: 'deny' });
    expect(events.refused).toHaveBeenCalledWith('popup');
    expect(events.blocked).not.toHaveBeenCalled();
  });
});

describe('guardPortalContents: input and page chrome', () => {
  const key = (k: string, mods: Record<string, boolean> = {}) => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });

  it('gives focus back to the kiosk on Escape and keeps the key from the page', () => {
    const { contents, kiosk } = setup();
    const event = fakeEvent();
    contents.emit('before-input-event', event, key('Escape'));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(kiosk.focus).toHaveBeenCalled();
  });

  it("lets the kiosk UI's own Escape key through to the page", () => {
    const { contents, kiosk } = setup({ sending: true });
    const event = fakeEvent();
    contents.emit('before-input-event', event, key('Escape'));
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(kiosk.focus).not.toHaveBeenCalled();
  });

  it('blocks kiosk-breaking shortcuts and devtools, lets typing through', () => {
    const { contents } = setup();
    for (const input of [key('F12'), key('I', { control: true, shift: true }), key('w', { control: true })]) {
      const event = fakeEvent();
      contents.emit('before-input-event', event, input);
      expect(event.preventDefault, input.key).toHaveBeenCalled();
    }
    const typing = fakeEvent();
    contents.emit('before-input-event', typing, key('a'));
    expect(typing.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents webviews, the context menu and beforeunload holding the page', () => {
    const { contents } = setup();
    for (const name of ['will-attach-webview', 'context-menu', 'will-prevent-unload']) {
      const event = fakeEvent();
      contents.emit(name, event, {}, {});
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });
});
