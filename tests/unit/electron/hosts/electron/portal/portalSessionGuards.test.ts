import { describe, expect, it, vi } from 'vitest';
import type { PortalDownload } from '#core/portal/portalSurface';
import { guardPortalSession, releasePortalSession } from '#electron/hosts/electron/portal/portalSessionGuards';
import { FakeSession, fakeEvent, fakeEvents, tile } from './portalFakes';

function setup() {
  const session = new FakeSession();
  const events = fakeEvents();
  guardPortalSession(session.asSession(), { tile, events });
  return { session, events };
}

function fakeItem(url: string, mimeType = 'application/pdf') {
  return { getURL: () => url, getMimeType: () => mimeType, getFilename: () => 'Antrag.pdf', cancel: vi.fn() };
}

describe('guardPortalSession: permissions', () => {
  it('grants a configured camera to an allowed origin and denies the rest with a note', () => {
    const { session, events } = setup();
    const camera = vi.fn();
    session.permissionRequest?.({}, 'media', camera, { requestingUrl: 'https://portal.example.de/id', mediaTypes: ['video'], isMainFrame: true });
    expect(camera).toHaveBeenCalledWith(true);
    expect(events.refused).not.toHaveBeenCalled();

    const microphone = vi.fn();
    session.permissionRequest?.({}, 'media', microphone, { requestingUrl: 'https://portal.example.de/id', mediaTypes: ['audio'], isMainFrame: true });
    expect(microphone).toHaveBeenCalledWith(false);
    const geolocation = vi.fn();
    session.permissionRequest?.({}, 'geolocation', geolocation, { requestingUrl: 'https://portal.example.de/', isMainFrame: true });
    expect(geolocation).toHaveBeenCalledWith(false);
    const foreign = vi.fn();
    session.permissionRequest?.({}, 'media', foreign, { requestingUrl: 'https://evil.example/', mediaTypes: ['video'], isMainFrame: false });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(events.refused).toHaveBeenCalledTimes(3);
    expect(events.refused).toHaveBeenCalledWith('permission');
  });

  it('answers permission checks by the same policy', () => {
    const { session } = setup();
    expect(session.permissionCheck?.({}, 'media', 'https://portal.example.de', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(session.permissionCheck?.({}, 'media', 'https://portal.example.de', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(session.permissionCheck?.({}, 'notifications', 'https://portal.example.de', { isMainFrame: true })).toBe(false);
    expect(session.permissionCheck?.({}, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: true })).toBe(false);
  });

  it('denies devices and screen capture', () => {
    const { session } = setup();
    expect(session.device?.({ deviceType: 'hid', origin: 'https://portal.example.de' })).toBe(false);
    const callback = vi.fn();
    session.displayMedia?.({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it("cancels the portal page's HID, serial and USB choosers", () => {
    const { session } = setup();
    const hid = fakeEvent();
    const chooseHid = vi.fn();
    session.emit('select-hid-device', hid, { deviceList: [{ deviceId: 'hid-1' }] }, chooseHid);
    const serial = fakeEvent();
    const chooseSerial = vi.fn();
    session.emit('select-serial-port', serial, [{ portId: 'port-1' }], {}, chooseSerial);
    const usb = fakeEvent();
    const chooseUsb = vi.fn();
    session.emit('select-usb-device', usb, { deviceList: [{ deviceId: 'usb-1' }] }, chooseUsb);
    for (const event of [hid, serial, usb]) expect(event.preventDefault).toHaveBeenCalled();
    expect(chooseHid).toHaveBeenCalledWith(null);
    expect(chooseSerial).toHaveBeenCalledWith('');
    expect(chooseUsb).toHaveBeenCalledWith();
  });
});

describe('guardPortalSession: downloads', () => {
  it('stops the download and reports it with a reader that fetches into memory', async () => {
    const { session, events } = setup();
    const event = fakeEvent();
    const item = fakeItem('https://portal.example.de/bescheid.pdf');
    session.emit('will-download', event, item, {});
    expect(event.preventDefault).toHaveBeenCalled();
    expect(item.cancel).toHaveBeenCalled();
    const download = events.download.mock.lastCall?.[0] as PortalDownload;
    expect(download).toMatchObject({ mimeType: 'application/pdf', filename: 'Antrag.pdf' });
    expect(session.fetch).not.toHaveBeenCalled();
    expect(Array.from(await download.read())).toEqual([37, 80, 68, 70]);
    expect(session.fetch).toHaveBeenCalledWith('https://portal.example.de/bescheid.pdf', expect.objectContaining({ credentials: 'include' }));
  });

  it('does not fetch a download from a foreign origin or a blob:', async () => {
    const { session, events } = setup();
    session.emit('will-download', fakeEvent(), fakeItem('https://evil.example/x.pdf'), {});
    session.emit('will-download', fakeEvent(), fakeItem('blob:https://portal.example.de/1234'), {});
    for (const [download] of events.download.mock.calls as [PortalDownload][]) await expect(download.read()).rejects.toThrow('download-not-readable');
    expect(session.fetch).not.toHaveBeenCalled();
  });

  it('follows a redirect only within the allowed origins', async () => {
    const { session, events } = setup();
    session.fetch.mockResolvedValueOnce(new Response(null, { status: 302, headers: { location: 'https://evil.example/x.pdf' } }));
    session.emit('will-download', fakeEvent(), fakeItem('https://portal.example.de/dl?id=1'), {});
    const download = events.download.mock.lastCall?.[0] as PortalDownload;
    await expect(download.read()).rejects.toThrow('download-not-readable');
    expect(session.fetch).toHaveBeenCalledTimes(1);
  });

  it('rejects a failed response', async () => {
    const { session, events } = setup();
    session.fetch.mockResolvedValueOnce(new Response('gone', { status: 404 }));
    session.emit('will-download', fakeEvent(), fakeItem('https://portal.example.de/x.pdf'), {});
    await expect((events.download.mock.lastCall?.[0] as PortalDownload).read()).rejects.toThrow('download-status-404');
  });

  it('releases the handlers of a closed session', () => {
    const { session, events } = setup();
    releasePortalSession(session.asSession());
    session.emit('will-download', fakeEvent(), fakeItem('https://portal.example.de/x.pdf'), {});
    expect(events.download).not.toHaveBeenCalled();
    const callback = vi.fn();
    session.permissionRequest?.({}, 'media', callback, { requestingUrl: 'https://portal.example.de/', mediaTypes: ['video'], isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('guardPortalSession: the terminal and the local network', () => {
  it.each([
    'http://127.0.0.1:24727/eID-Client?tcTokenURL=x',
    'http://127.0.0.1:9222/json/version',
    'http://192.168.178.1/',
    'ws://10.0.0.2:1883/mqtt',
    'http://169.254.169.254/latest/meta-data/',
  ])('cancels every request to %s, from any frame or worker', (url) => {
    const onLocalRefused = vi.fn();
    const session = new FakeSession();
    guardPortalSession(session.asSession(), { tile, events: fakeEvents(), onLocalRefused });
    expect(session.requestCancelled(url)).toBe(true);
    expect(onLocalRefused).toHaveBeenCalledWith(new URL(url).origin);
  });

  it('lets the tile’s sites and other public sites through', () => {
    const { session } = setup();
    expect(session.requestCancelled('https://portal.example.de/start')).toBe(false);
    expect(session.requestCancelled('https://cdn.example.net/app.js')).toBe(false);
  });

  it('refuses every request once the session is released', () => {
    const { session } = setup();
    releasePortalSession(session.asSession());
    expect(session.requestCancelled('https://portal.example.de/start')).toBe(true);
  });
});
