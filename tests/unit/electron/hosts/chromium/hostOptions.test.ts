import { describe, expect, it } from 'vitest';
import { parseHostOptions } from '#electron/hosts/chromium/hostOptions';

describe('parseHostOptions', () => {
  it('defaults to no config, a window and no CDP port', () => {
    expect(parseHostOptions([])).toEqual({ ok: true, options: { configPath: undefined, headless: false, cdpPort: undefined } });
  });

  it('reads --config, --headless and --cdp-port', () => {
    expect(parseHostOptions(['--config', 'kiosk-config/workstation.json', '--headless', '--cdp-port', '9222'])).toEqual({
      ok: true,
      options: { configPath: 'kiosk-config/workstation.json', headless: true, cdpPort: 9222 },
    });
    expect(parseHostOptions(['--config=/etc/k.json', '--cdp-port=1024'])).toEqual({
      ok: true,
      options: { configPath: '/etc/k.json', headless: false, cdpPort: 1024 },
    });
    expect(parseHostOptions(['--cdp-port', '65535'])).toMatchObject({ ok: true, options: { cdpPort: 65535 } });
  });

  it.each(['80', '1023', '65536', '0', 'abc', '9222.5', '', '1e4x', ' '])('refuses --cdp-port %j', (port) => {
    const result = parseHostOptions(['--cdp-port', port]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/--cdp-port must be a port number from 1024 to 65535/);
  });

  it('refuses a negative --cdp-port', () => {
    expect(parseHostOptions(['--cdp-port', '-1']).ok).toBe(false);
    expect(parseHostOptions(['--cdp-port=-1']).ok).toBe(false);
  });

  it('refuses an unknown flag', () => {
    const result = parseHostOptions(['--headles']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/headles/);
  });

  it('refuses positional arguments and a missing value', () => {
    expect(parseHostOptions(['kiosk.json']).ok).toBe(false);
    expect(parseHostOptions(['--config']).ok).toBe(false);
    expect(parseHostOptions(['--headless=yes']).ok).toBe(false);
  });
});
