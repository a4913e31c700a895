import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { appRoot, fixtureConfig, freePort, launchKiosk, startProcess, type RunningKiosk } from './support/kioskProcess';
import { chromiumHostOnly, e2eHost } from './support/e2eHost';

test.skip(e2eHost === 'electron', chromiumHostOnly);

const host = join(appRoot, 'dist', 'chromium', 'host.mjs');
const launcher = join(appRoot, 'dist', 'launcher', 'start.mjs');

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

/** Ports in LISTEN state with their local IPv4 address, from /proc/net/tcp. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const rows = [readFileSync('/proc/net/tcp', 'utf8'), existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '']
    .join('\n')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`));
  return rows.map((cols) => cols[1]?.split(':')[0] ?? '');
}

test('npm start without an Electron binary: one line naming npm run start:chromium, then the kiosk on the Chromium host', async () => {
  const electronPath = join(appRoot, 'node_modules', 'electron', 'path.txt');
  test.skip(existsSync(electronPath), 'an Electron binary is installed here, so npm start runs Electron instead');
  const cdpPort = await freePort();
  const proc = startProcess(launcher, ['--headless', '--cdp-port', String(cdpPort)]);
  try {
    await proc.waitForOutput(/^KIOSK_READY \S+$/m);
    const lines = proc
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const readyIndex = lines.findIndex((line) => line.startsWith('KIOSK_READY'));
    const before = lines.slice(0, readyIndex);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/Electron binary unavailable/);
    expect(before[0]).toContain('npm run start:chromium');
  } finally {
    await proc.stop();
  }
});

test('the kiosk listens on 127.0.0.1 only (UI server and CDP endpoint)', async () => {
  kiosk = await launchKiosk();
  const uiPort = Number(new URL(kiosk.url).port);
  expect(new URL(kiosk.url).hostname).toBe('127.0.0.1');
  const uiAddresses = listeningAddresses(uiPort);
  expect(uiAddresses.length).toBeGreaterThan(0);
  for (const address of uiAddresses) expect(address).toBe('0100007F');
  const cdpPort = Number(/--cdp-port\s+(\d+)/.exec(kiosk.process.child.spawnargs.join(' '))?.[1]);
  const cdpAddresses = listeningAddresses(cdpPort);
  expect(cdpAddresses.length).toBeGreaterThan(0);
  for (const address of cdpAddresses) expect(address).toBe('0100007F');
});

test("the browser runs no interface of its own: no omnibox pages, only the kiosk page and the host's clipboard page", async () => {
  // Chromium would otherwise start a renderer for the address bar's popup with every page, costing
  // a kiosk PC seconds of CPU at each start and at each portal page opened.
  kiosk = await launchKiosk();
  const cdp = await kiosk.browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
  expect(targetInfos.filter((target) => target.type !== 'page' && target.type !== 'tab').map((target) => `${target.type} ${target.url}`)).toEqual([]);
  expect(
    targetInfos
      .filter((target) => target.type === 'page')
      .map((target) => new URL(target.url).origin)
      .sort(),
  ).toEqual([new URL(kiosk.url).origin, 'https://clipboard.kiosk.invalid'].sort());
});

test('an invalid config refuses the start and lists every problem with its path', async () => {
  const proc = startProcess(host, ['--headless', '--config', fixtureConfig('invalid-several.json')]);
  const code = await proc.exited;
  const output = proc.output();
  expect(code).toBe(2);
  expect(output).not.toContain('KIOSK_READY');
  expect(output).toContain('terminal.name: missing (required string)');
  expect(output).toContain('terminal.nmae: unknown key');
  expect(output).toContain('session.idleTimeoutSeconds');
  expect(output).toContain('colour: unknown key');
  expect(output).toContain('The kiosk was not started.');
});

test('KIOSK_CONFIG selects the config file', async () => {
  const cdpPort = await freePort();
  const proc = startProcess(host, ['--headless', '--cdp-port', String(cdpPort)], { KIOSK_CONFIG: join(appRoot, 'kiosk-config', 'workstation.json') });
  try {
    const [, url] = await proc.waitForOutput(/^KIOSK_READY (\S+)$/m);
    expect(url).toBeTruthy();
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${String(cdpPort)}`);
    // The kiosk UI's page (a workstation also keeps a blank portal context ready).
    const page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => url !== undefined && candidate.url().startsWith(url));
    if (!page) throw new Error('kiosk page not found over CDP');
    await page.locator('[data-action="start-session"]').click();
    await expect(page.locator('[data-screen="home-workstation"]')).toBeVisible();
    await browser.close();
  } finally {
    await proc.stop();
  }
});

test('without a display the host runs headless and says so', async () => {
  const proc = startProcess(host, [], { DISPLAY: '', WAYLAND_DISPLAY: '' });
  try {
    await proc.waitForOutput(/^KIOSK_READY \S+$/m);
    expect(proc.output()).toContain('running headless');
  } finally {
    await proc.stop();
  }
});

test('production mode refuses the Chromium host and everything meant for tests, one line each, and starts nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-production-'));
  const proc = startProcess(host, ['--headless', '--cdp-port', String(await freePort()), '--config', join(appRoot, 'kiosk-config', 'workstation.json')], {
    KIOSK_PRODUCTION: '1',
    KIOSK_DATA_DIR: dataDir,
  });
  const code = await proc.exited;
  const refusals = proc
    .output()
    .split('\n')
    .filter((line) => line.startsWith('Production mode refuses'));
  expect(code).toBe(2);
  expect(proc.output()).not.toContain('KIOSK_READY');
  expect(refusals).toEqual([
    expect.stringContaining('the Chromium host'),
    expect.stringContaining('--cdp-port'),
    expect.stringContaining('the simulated printer "receipt-printer"'),
    expect.stringContaining('the simulated documentReader "id-reader"'),
    expect.stringContaining('the simulated signalLight "signal-light"'),
    expect.stringContaining('the "pdf-folder" document printer'),
  ]);
  // The refusal is in the log too, for whoever reads it the next morning.
  expect(readFileSync(join(dataDir, 'logs', 'kiosk.log'), 'utf8')).toContain('"event":"production-refused"');
});

test('production mode: npm start without an Electron binary does not fall back to the Chromium host', async () => {
  const electronPath = join(appRoot, 'node_modules', 'electron', 'path.txt');
  test.skip(existsSync(electronPath), 'an Electron binary is installed here, so npm start runs Electron instead');
  const proc = startProcess(launcher, ['--headless'], { KIOSK_PRODUCTION: '1', electron_config_cache: mkdtempSync(join(tmpdir(), 'no-electron-')) });
  const code = await proc.exited;
  const lines = proc
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '');
  expect(code).toBe(2);
  expect(lines).toEqual([expect.stringMatching(/^Production mode refuses to fall back to the Chromium host/)]);
});
