import { describe, expect, it } from 'vitest';
import { chromiumArgs, hasDisplay } from '../../../electron/chromium/chromiumArgs';

const required = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('chromiumArgs', () => {
  it.each([
    { headless: true, cdpPort: undefined },
    { headless: false, cdpPort: undefined },
    { headless: true, cdpPort: 9222 },
  ])('always contains the flags Chromium needs on this Debian (%j)', (plan) => {
    expect(chromiumArgs(plan)).toEqual(expect.arrayContaining(required));
  });

  it('runs as a fullscreen kiosk only with a window', () => {
    expect(chromiumArgs({ headless: false, cdpPort: undefined })).toEqual(expect.arrayContaining(['--kiosk', '--start-fullscreen']));
    expect(chromiumArgs({ headless: true, cdpPort: undefined })).not.toContain('--kiosk');
  });

  it('opens no debugging port unless asked', () => {
    for (const arg of chromiumArgs({ headless: false, cdpPort: undefined })) expect(arg).not.toMatch(/remote-debugging/);
  });

  it('binds remote debugging to 127.0.0.1 only', () => {
    const args = chromiumArgs({ headless: true, cdpPort: 9333 });
    expect(args).toContain('--remote-debugging-port=9333');
    const addresses = args.filter((a) => a.startsWith('--remote-debugging-address'));
    expect(addresses).toEqual(['--remote-debugging-address=127.0.0.1']);
    expect(args.join(' ')).not.toMatch(/0\.0\.0\.0|::|remote-allow-origins=\*/);
  });

  it('has no duplicates', () => {
    const args = chromiumArgs({ headless: false, cdpPort: 9222 });
    expect(new Set(args).size).toBe(args.length);
  });
});

describe('hasDisplay', () => {
  it('sees X11 or Wayland', () => {
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay({ DISPLAY: ':1', WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('reports no display when neither is set or both are empty', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: '' })).toBe(false);
    expect(hasDisplay({ DISPLAY: '', WAYLAND_DISPLAY: '' })).toBe(false);
  });

  it('treats an empty DISPLAY as unset and still sees WAYLAND_DISPLAY', () => {
    expect(hasDisplay({ DISPLAY: '', WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});
