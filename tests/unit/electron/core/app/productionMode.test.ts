import { describe, expect, it } from 'vitest';
import { checkProductionStart, productionMode, productionRefusals, type HostSwitches } from '#core/app/productionMode';
import type { KioskConfig } from '#shared/config/kioskConfig';
import { resolvePortalConfig } from '#shared/config/portalConfig';
import { testConfig } from '#tests/unit/support/testConfig';

const electron: HostSwitches = { host: 'electron', cdpPort: undefined, devTools: false };

/** A terminal set up the way production wants it: real devices, CUPS, https tiles. */
function productionConfig(): KioskConfig {
  return {
    ...testConfig({}, 'workstation'),
    production: true,
    devices: [
      { id: 'receipt', kind: 'printer', driver: 'escpos-serial', path: '/dev/ttyUSB0', baudRate: 19200 },
      { id: 'light', kind: 'signalLight', driver: 'hid-light', model: 'kuando-busylight' },
    ] as unknown as KioskConfig['devices'],
    portal: resolvePortalConfig({
      tiles: [
        {
          id: 'jena-online',
          label: { de: 'Online-Dienste' },
          icon: 'globe',
          startUrl: 'https://portal.example.de/start',
          origins: ['https://portal.example.de'],
          permissions: [],
          printPdfs: true,
        },
      ],
      printer: { kind: 'cups', queue: 'buergerservice' },
    }),
  };
}

describe('production mode', () => {
  it('is off by default, on by the config or by KIOSK_PRODUCTION=1', () => {
    expect(productionMode(testConfig(), {})).toEqual({ ok: true, production: false });
    expect(productionMode({ ...testConfig(), production: true }, {})).toEqual({ ok: true, production: true });
    expect(productionMode(testConfig(), { KIOSK_PRODUCTION: '1' })).toEqual({ ok: true, production: true });
    expect(productionMode({ ...testConfig(), production: true }, { KIOSK_PRODUCTION: '0' })).toEqual({ ok: true, production: true });
  });

  it('refuses a KIOSK_PRODUCTION it does not understand instead of guessing', () => {
    const start = checkProductionStart(testConfig(), { KIOSK_PRODUCTION: 'yes' }, electron);
    expect(start.refusals).toEqual([expect.stringContaining('KIOSK_PRODUCTION must be 1')]);
  });

  it('lets a properly set up terminal start on Electron', () => {
    expect(productionRefusals(productionConfig(), electron)).toEqual([]);
  });

  it.each<[string, (config: KioskConfig) => KioskConfig, Partial<HostSwitches>, RegExp]>([
    ['the Chromium host (no fallback)', (c) => c, { host: 'chromium' }, /refuses the Chromium host/],
    ['--cdp-port', (c) => c, { cdpPort: 9222 }, /refuses --cdp-port 9222/],
    ['DevTools', (c) => c, { devTools: true }, /refuses DevTools \(KIOSK_DEVTOOLS=1\)/],
    [
      'a simulated device',
      (c) => ({ ...c, devices: [...c.devices, { id: 'reader', kind: 'documentReader', driver: 'simulator' }] as KioskConfig['devices'] }),
      {},
      /refuses the simulated documentReader "reader"/,
    ],
    [
      'the pdf-folder document printer',
      (c) => ({ ...c, portal: c.portal && { ...c.portal, printer: { kind: 'pdf-folder', folder: 'prints' } as NonNullable<typeof c.portal.printer> } }),
      {},
      /refuses the "pdf-folder" document printer/,
    ],
    [
      'a plain-http tile',
      (c) => ({
        ...c,
        portal: c.portal && {
          ...c.portal,
          tiles: c.portal.tiles.map((tile) => ({ ...tile, startUrl: 'http://127.0.0.1:8080/', origins: ['http://127.0.0.1:8080'] })),
        },
      }),
      {},
      /refuses plain http:\/\/ for the tile "jena-online" \(http:\/\/127\.0\.0\.1:8080\/, http:\/\/127\.0\.0\.1:8080\)/,
    ],
  ])('refuses %s with one line', (_name, change, switches, expected) => {
    const refusals = productionRefusals(change(productionConfig()), { ...electron, ...switches });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(expected);
    expect(refusals[0]).not.toContain('\n');
  });

  it('refuses nothing in development, whatever is configured', () => {
    const development = { ...productionConfig(), production: false, devices: [{ id: 'p', kind: 'printer', driver: 'simulator' }] as KioskConfig['devices'] };
    expect(checkProductionStart(development, {}, { host: 'chromium', cdpPort: 9222, devTools: true })).toEqual({ production: false, refusals: [] });
  });
});
