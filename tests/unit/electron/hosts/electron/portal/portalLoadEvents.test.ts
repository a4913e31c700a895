import { describe, expect, it, vi } from 'vitest';
import { reportPortalActivity, reportPortalLoads } from '#electron/hosts/electron/portal/portalLoadEvents';
import { FakeContents, fakeEvent, fakeEvents } from './portalFakes';

function setup() {
  const contents = new FakeContents({});
  const events = fakeEvents();
  reportPortalLoads(contents.asContents(), events);
  return { contents, events };
}

describe('reportPortalLoads', () => {
  it('reports loading and committed main-frame pages with canGoBack', () => {
    const { contents, events } = setup();
    contents.emit('did-start-loading');
    contents.canGoBack = true;
    contents.emit('did-navigate', {}, 'https://portal.example.de/a', 200, 'OK');
    contents.emit('did-navigate-in-page', {}, 'https://portal.example.de/a#b', true, 1, 1);
    contents.emit('did-navigate-in-page', {}, 'https://login.example.de/frame#x', false, 1, 2);
    contents.emit('did-stop-loading');
    expect(events.loading.mock.calls).toEqual([[true], [false]]);
    expect(events.navigated.mock.calls).toEqual([
      [{ url: 'https://portal.example.de/a', canGoBack: true }],
      [{ url: 'https://portal.example.de/a#b', canGoBack: true }],
    ]);
    expect(events.failed).not.toHaveBeenCalled();
  });

  it('turns a 5xx page into a server error', () => {
    const { contents, events } = setup();
    contents.emit('did-navigate', {}, 'https://portal.example.de/a', 503, 'Service Unavailable');
    expect(events.failed).toHaveBeenCalledWith({ kind: 'server', url: 'https://portal.example.de/a' });
  });

  it('reports main-frame load failures by kind and ignores aborts and subframes', () => {
    const { contents, events } = setup();
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://portal.example.de/a', true, 1, 1);
    contents.emit('did-fail-load', {}, -106, 'ERR_INTERNET_DISCONNECTED', 'https://login.example.de/f', false, 1, 2);
    expect(events.failed).not.toHaveBeenCalled();
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://portal.example.de/a', true, 1, 1);
    expect(events.failed).toHaveBeenCalledWith({ kind: 'offline', url: 'https://portal.example.de/a' });
  });

  it('refuses certificate errors, reports a main-frame one once per load', () => {
    const { contents, events } = setup();
    const event = fakeEvent();
    const callback = vi.fn();
    contents.emit('certificate-error', event, 'https://portal.example.de/', 'net::ERR_CERT_DATE_INVALID', {}, callback, true);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith(false);
    contents.emit('did-fail-load', {}, -201, 'ERR_CERT_DATE_INVALID', 'https://portal.example.de/', true, 1, 1);
    expect(events.failed).toHaveBeenCalledExactlyOnceWith({ kind: 'certificate', url: 'https://portal.example.de/' });
    // A new load (retry) reports again.
    contents.emit('did-start-loading');
    contents.emit('did-fail-load', {}, -201, 'ERR_CERT_DATE_INVALID', 'https://portal.example.de/', true, 1, 1);
    expect(events.failed).toHaveBeenCalledTimes(2);
  });

  it('refuses a subframe certificate error without a report', () => {
    const { contents, events } = setup();
    const callback = vi.fn();
    contents.emit('certificate-error', fakeEvent(), 'https://login.example.de/', 'x', {}, callback, false);
    expect(callback).toHaveBeenCalledWith(false);
    expect(events.failed).not.toHaveBeenCalled();
  });

  it('never hands out a client certificate', () => {
    const { contents } = setup();
    const event = fakeEvent();
    const callback = vi.fn();
    contents.emit('select-client-certificate', event, 'https://portal.example.de/', [{ subjectName: 'kiosk' }], callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith();
  });
});

describe('reportPortalActivity', () => {
  it('reports touches, clicks, keys and the wheel in the view as activity, not pointer moves', () => {
    const contents = new FakeContents({});
    const events = fakeEvents();
    reportPortalActivity(contents.asContents(), events);
    for (const type of ['mouseMove', 'mouseEnter', 'keyUp', 'mouseUp']) contents.emit('input-event', {}, { type });
    expect(events.activity).not.toHaveBeenCalled();
    for (const type of ['mouseDown', 'keyDown', 'touchStart', 'mouseWheel']) contents.emit('input-event', {}, { type });
    expect(events.activity).toHaveBeenCalledTimes(4);
  });
});
