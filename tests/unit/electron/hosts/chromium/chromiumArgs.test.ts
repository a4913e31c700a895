import { describe, expect, it } from 'vitest';
import { chromiumArgs, hasDisplay, kioskWindowArgs, useSandbox } from '#electron/hosts/chromium/chromiumArgs';

const required = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('chromiumArgs', () => {
  it.each([
    { headless: true, cdpPort: undefined, sandbox: false },
    { headless: false, cdpPort: undefined, sandbox: false },
    { headless: true, cdpPort: 9222, sandbox: false },
  ])('always contains the flags Chromium needs on this Debian (%j)', (plan) => {
    expect(chromiumArgs(plan)).toEqual(expect.arrayContaining(required));
  });

  it('the kiosk window is an app window in kiosk mode that opens blank; the shared switches name no window mode', () => {
    expect(kioskWindowArgs()).toEqual(['--kiosk', '--app=about:blank']);
    for (const headless of [true, false]) {
      const args = chromiumArgs({ headless, cdpPort: undefined, sandbox: false });
      expect(args).not.toContain('--kiosk');
      expect(args.some((arg) => arg.startsWith('--app'))).toBe(false);
    }
  });

  it('opens no debugging port unless asked', () => {
    for (const arg of chromiumArgs({ headless: false, cdpPort: undefined, sandbox: false })) expect(arg).not.toMatch(/remote-debugging/);
  });

  it('binds remote debugging to 127.0.0.1 only', () => {
    const args = chromiumArgs({ headless: true, cdpPort: 9333, sandbox: false });
    expect(args).toContain('--remote-debugging-port=9333');
    const addresses = args.filter((a) => a.startsWith('--remote-debugging-address'));
    expect(addresses).toEqual(['--remote-debugging-address=127.0.0.1']);
    expect(args.join(' ')).not.toMatch(/0\.0\.0\.0|::|remote-allow-origins=\*/);
  });

  it('has no duplicates', () => {
    const args = chromiumArgs({ headless: false, cdpPort: 9222, sandbox: false });
    expect(new Set(args).size).toBe(args.length);
  });
});

describe('sandbox', () => {
  it("keeps Chromium's sandbox unless running as root or switched off", () => {
    expect(chromiumArgs({ headless: true, cdpPort: undefined, sandbox: true })).not.toContain('--no-sandbox');
    expect(chromiumArgs({ headless: true, cdpPort: undefined, sandbox: false })).toContain('--no-sandbox');
    expect(useSandbox({}, 1000)).toBe(true);
    expect(useSandbox({}, 0)).toBe(false);
    expect(useSandbox({ KIOSK_CHROMIUM_NO_SANDBOX: '1' }, 1000)).toBe(false);
    expect(useSandbox({}, undefined)).toBe(true);
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

describe('chromiumArgs for portal views', () => {
  it('denies permissions no one granted instead of prompting, and keeps every frame of a page in one process', () => {
    const args = chromiumArgs({ headless: false, cdpPort: undefined, sandbox: true });
    expect(args).toContain('--deny-permission-prompts');
    const features =
      args
        .find((arg) => arg.startsWith('--disable-features='))
        ?.split('=')[1]
        ?.split(',') ?? [];
    expect(features).toEqual(expect.arrayContaining(['IsolateOrigins', 'site-per-process']));
  });

  it('switches off the File System Access pickers (native file dialogs) for every page', () => {
    expect(chromiumArgs({ headless: true, cdpPort: undefined, sandbox: true })).toContain('--disable-blink-features=FileSystemAccessLocal');
  });
});
