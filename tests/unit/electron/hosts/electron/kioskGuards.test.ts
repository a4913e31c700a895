import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardKioskContents,
  guardNewContents,
  isAppUrl,
  isBlockedShortcut,
  refuseDeviceChoosers,
  refuseWindowClose,
} from '#electron/hosts/electron/kioskGuards';

type KeyInput = Parameters<typeof isBlockedShortcut>[0];

function key(k: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}, type: KeyInput['type'] = 'keyDown'): KeyInput {
  return { type, key: k, control: false, meta: false, alt: false, shift: false, ...mods };
}

describe('isBlockedShortcut', () => {
  it.each([
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Cmd+W', key('w', { meta: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+T', key('t', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+L', key('l', { control: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Alt+ArrowLeft', key('ArrowLeft', { alt: true })],
    ['Alt+Home', key('Home', { alt: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['BrowserBack', key('BrowserBack')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Ctrl+Shift+Delete', key('Delete', { control: true, shift: true })],
    ['F3 (find)', key('F3')],
    ['F6 (address bar)', key('F6')],
    ['F7 (caret browsing)', key('F7')],
    ['F10 (menu)', key('F10')],
    ['Ctrl+F', key('f', { control: true })],
    ['Ctrl+G', key('g', { control: true })],
    ['Ctrl+D', key('d', { control: true })],
    ['Ctrl+E', key('e', { control: true })],
    ['Ctrl+Tab', key('Tab', { control: true })],
    ['Ctrl+PageDown', key('PageDown', { control: true })],
    ['Ctrl+Shift+A', key('A', { control: true, shift: true })],
    ['Ctrl+Shift+B', key('B', { control: true, shift: true })],
    ['Ctrl+Shift+N', key('N', { control: true, shift: true })],
    ['Ctrl+Shift+O', key('O', { control: true, shift: true })],
    ['Ctrl+Shift+T', key('T', { control: true, shift: true })],
    ['Ctrl+Shift+V', key('V', { control: true, shift: true })],
    ['Alt+F (app menu)', key('f', { alt: true })],
    ['Alt+D (address bar)', key('d', { alt: true })],
    ['Alt+Space', key(' ', { alt: true })],
    ['BrowserHome', key('BrowserHome')],
    ['BrowserRefresh', key('BrowserRefresh')],
  ])('blocks %s', (_label, input) => {
    expect(isBlockedShortcut(input, false)).toBe(true);
  });

  it.each([
    ['a', key('a')],
    ['W without modifier', key('w')],
    ['Shift+A', key('A', { shift: true })],
    ['digit', key('5')],
    ['Enter', key('Enter')],
    ['Tab', key('Tab')],
    ['Backspace', key('Backspace')],
    ['ArrowLeft', key('ArrowLeft')],
    ['Escape', key('Escape')],
    ['Alt alone', key('Alt', { alt: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
    ['Ctrl+Shift+Z (redo)', key('Z', { control: true, shift: true })],
    ['Ctrl+X', key('x', { control: true })],
    ['Ctrl+Y', key('y', { control: true })],
    ['Ctrl+ArrowLeft', key('ArrowLeft', { control: true })],
    ['Ctrl+Shift+ArrowRight', key('ArrowRight', { control: true, shift: true })],
    ['Ctrl+Backspace', key('Backspace', { control: true })],
    ['AltGr+Q on Windows (@)', key('@', { control: true, alt: true })],
    ['Control alone', key('Control', { control: true })],
    ['F1 (the keypad help key)', key('F1')],
  ])('allows %s', (_label, input) => {
    expect(isBlockedShortcut(input, false)).toBe(false);
  });

  it('ignores key-up events', () => {
    expect(isBlockedShortcut(key('F12', {}, 'keyUp'), false)).toBe(false);
    expect(isBlockedShortcut(key('w', { control: true }, 'keyUp'), false)).toBe(false);
  });

  it('lets Ctrl+Shift+I through only when devtools are enabled', () => {
    expect(isBlockedShortcut(key('I', { control: true, shift: true }), true)).toBe(false);
    expect(isBlockedShortcut(key('i', { meta: true, shift: true }), true)).toBe(false);
    // The exception is for devtools only: leaving the kiosk stays blocked.
    expect(isBlockedShortcut(key('w', { control: true }), true)).toBe(true);
    expect(isBlockedShortcut(key('F4', { alt: true }), true)).toBe(true);
    expect(isBlockedShortcut(key('J', { control: true, shift: true }), true)).toBe(true);
  });
});

describe('isAppUrl', () => {
  const origin = 'kiosk://app';

  it.each(['kiosk://app', 'kiosk://app/', 'kiosk://app/index.html?x=1#y', 'kiosk://app/assets/a.js'])('accepts %s', (url) => {
    expect(isAppUrl(url, origin)).toBe(true);
  });

  it.each([
    'kiosk://app.evil',
    'kiosk://app.evil/',
    'kiosk://ap',
    'kiosk://ap/',
    'kiosk://appx/',
    'kiosk://app:8080/',
    'kiosk://user@evil/',
    'kioskx://app/',
    'https://app/',
    'http://kiosk/app',
    'file:///kiosk/app',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url, origin)).toBe(false);
  });

  it('compares exact origins for http(s) too (no prefix matching)', () => {
    expect(isAppUrl('http://127.0.0.1:5173/x', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:51730/x', 'http://127.0.0.1:5173')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173.evil.com/', 'http://127.0.0.1:5173')).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('denies every permission request, check and device permission', () => {
    type Handlers = { request?: (...args: unknown[]) => unknown; check?: (...args: unknown[]) => unknown; device?: (...args: unknown[]) => unknown };
    const handlers: Handlers = {};
    const session = {
      setPermissionRequestHandler: (h: Handlers['request']) => {
        handlers.request = h;
      },
      setPermissionCheckHandler: (h: Handlers['check']) => {
        handlers.check = h;
      },
      setDevicePermissionHandler: (h: Handlers['device']) => {
        handlers.device = h;
      },
    };
    denyAllPermissions(session as unknown as Session);
    expect(handlers.request).toBeTypeOf('function');
    expect(handlers.check).toBeTypeOf('function');
    expect(handlers.device).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, { requestingUrl: 'kiosk://app/' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check?.({}, permission, 'kiosk://app', {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'hid', origin: 'kiosk://app' })).toBe(false);
  });
});

type Handler = (...args: unknown[]) => void;

function fakeContents() {
  const handlers = new Map<string, Handler[]>();
  let windowOpenHandler: ((details: unknown) => unknown) | undefined;
  const contents = {
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      windowOpenHandler = handler;
    },
  };
  const emit = (event: string, ...args: unknown[]): void => {
    for (const handler of handlers.get(event) ?? []) handler(...args);
  };
  const fakeEvent = (extra: Record<string, unknown> = {}) => ({ preventDefault: vi.fn(), ...extra });
  return {
    contents: contents as unknown as WebContents,
    handlers,
    emit,
    fakeEvent,
    openWindow: (details: unknown) => windowOpenHandler?.(details),
    hasWindowOpenHandler: () => windowOpenHandler !== undefined,
  };
}

describe('guardKioskContents', () => {
  const options = { appOrigin: 'kiosk://app', devTools: false };

  it('registers every guard', () => {
    const fake = fakeContents();
    guardKioskContents(fake.contents, options);
    expect(fake.hasWindowOpenHandler()).toBe(true);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'context-menu', 'before-input-event']) {
      expect(fake.handlers.get(event)?.length, event).toBe(1);
    }
  });

  it.each(['https://evil.example/', 'kiosk://app.evil/', 'kiosk://ap/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)'])(
    'prevents navigation to %s (will-navigate, will-frame-navigate, will-redirect)',
    (url) => {
      const fake = fakeContents();
      guardKioskContents(fake.contents, options);
      const nav = fake.fakeEvent();
      fake.emit('will-navigate', nav, url);
      expect(nav.preventDefault).toHaveBeenCalled();
      const frameNav = fake.fakeEvent({ url });
      fake.emit('will-frame-navigate', frameNav);
      expect(frameNav.preventDefault).toHaveBeenCalled();
      const redirect = fake.fakeEvent();
      fake.emit('will-redirect', redirect, url);
      expect(redirect.preventDefault).toHaveBeenCalled();
    },
  );

  it('allows navigation within the app origin', () => {
    const fake = fakeContents();
    guardKioskContents(fake.contents, options);
    const nav = fake.fakeEvent();
    fake.emit('will-navigate', nav, 'kiosk://app/index.html');
    const frameNav = fake.fakeEvent({ url: 'kiosk://app/' });
    fake.emit('will-frame-navigate', frameNav);
    const redirect = fake.fakeEvent();
    fake.emit('will-redirect', redirect, 'kiosk://app/home');
    expect(nav.preventDefault).not.toHaveBeenCalled();
    expect(frameNav.preventDefault).not.toHaveBeenCalled();
    expect(redirect.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const fake = fakeContents();
    guardKioskContents(fake.contents, options);
    expect(fake.openWindow({ url: 'kiosk://app/', disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(fake.openWindow({ url: 'https://evil.example/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
  });

  it('prevents webviews and the context menu', () => {
    const fake = fakeContents();
    guardKioskContents(fake.contents, options);
    const webview = fake.fakeEvent();
    fake.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    const menu = fake.fakeEvent();
    fake.emit('context-menu', menu, { x: 1, y: 1 });
    expect(menu.preventDefault).toHaveBeenCalled();
  });

  it('prevents blocked shortcuts and lets ordinary typing through', () => {
    const fake = fakeContents();
    guardKioskContents(fake.contents, options);
    const blocked = fake.fakeEvent();
    fake.emit('before-input-event', blocked, key('F4', { alt: true }));
    expect(blocked.preventDefault).toHaveBeenCalled();
    const typing = fake.fakeEvent();
    fake.emit('before-input-event', typing, key('a'));
    expect(typing.preventDefault).not.toHaveBeenCalled();
  });

  it('honours the devtools option for Ctrl+Shift+I', () => {
    const off = fakeContents();
    guardKioskContents(off.contents, { appOrigin: 'kiosk://app', devTools: false });
    const blocked = off.fakeEvent();
    off.emit('before-input-event', blocked, key('I', { control: true, shift: true }));
    expect(blocked.preventDefault).toHaveBeenCalled();
    const on = fakeContents();
    guardKioskContents(on.contents, { appOrigin: 'kiosk://app', devTools: true });
    const allowed = on.fakeEvent();
    on.emit('before-input-event', allowed, key('I', { control: true, shift: true }));
    expect(allowed.preventDefault).not.toHaveBeenCalled();
  });
});

describe('guardNewContents', () => {
  const options = { appOrigin: 'kiosk://app', devTools: false };

  it('locks every contents the portal gate does not claim', () => {
    const fake = fakeContents();
    const contents = Object.assign(fake.contents, { session: {} });
    expect(guardNewContents(contents, { ...options, claimPortal: () => false })).toBe('kiosk');
    const nav = fake.fakeEvent();
    fake.emit('will-navigate', nav, 'https://portal.example.de/');
    expect(nav.preventDefault).toHaveBeenCalled();
  });

  it('leaves a claimed portal view to the portal guards (no kiosk lock on its navigation)', () => {
    const fake = fakeContents();
    const contents = Object.assign(fake.contents, { session: {} });
    expect(guardNewContents(contents, { ...options, claimPortal: (created) => created === contents })).toBe('portal');
    expect(fake.hasWindowOpenHandler()).toBe(false);
    expect([...fake.handlers.keys()]).toEqual(['select-bluetooth-device']);
  });

  it.each([
    ['the kiosk page', false],
    ['a portal view', true],
  ])("cancels Web Bluetooth's chooser for %s (Electron would pick the first device)", (_label, portal) => {
    const fake = fakeContents();
    const contents = Object.assign(fake.contents, { session: {} });
    guardNewContents(contents, { ...options, claimPortal: () => portal });
    const event = fake.fakeEvent();
    const choose = vi.fn();
    fake.emit('select-bluetooth-device', event, [{ deviceId: 'aa:bb', deviceName: 'Headset' }], choose);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(choose).toHaveBeenCalledWith('');
  });
});

describe('refuseDeviceChoosers', () => {
  it('cancels the HID, serial and USB choosers with no device', () => {
    const fake = fakeContents();
    refuseDeviceChoosers(fake.contents as unknown as Session);
    const answers: unknown[][] = [];
    const answer = (...args: unknown[]) => answers.push(args);
    const events = [fake.fakeEvent(), fake.fakeEvent(), fake.fakeEvent()];
    fake.emit('select-hid-device', events[0], { deviceList: [{ deviceId: 'hid-1' }] }, answer);
    fake.emit('select-serial-port', events[1], [{ portId: 'port-1' }], fake.contents, answer);
    fake.emit('select-usb-device', events[2], { deviceList: [{ deviceId: 'usb-1' }] }, answer);
    for (const event of events) expect(event.preventDefault).toHaveBeenCalled();
    expect(answers).toEqual([[null], [''], []]);
  });
});

describe('refuseWindowClose', () => {
  it("keeps the window open when the desktop closes it, and lets it close on the kiosk's own quit", () => {
    const fake = fakeContents();
    let quitting = false;
    const refused = vi.fn();
    refuseWindowClose(fake.contents as unknown as Parameters<typeof refuseWindowClose>[0], { quitting: () => quitting, refused });
    const close = fake.fakeEvent();
    fake.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(1);
    quitting = true;
    const quit = fake.fakeEvent();
    fake.emit('close', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
