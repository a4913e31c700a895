import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { helperProcessesBelow, processesBelow } from '#electron/hosts/chromium/childProcessWatch';
import { startHelpReceiver, type HelpReceiver } from '#tests/support/helpReceiver';
import { helpConfigFile } from './support/helpConfig';
import { appRoot, fixtureConfig, launchKiosk, startProcess, type RunningKiosk } from './support/kioskProcess';
import { chromiumHostOnly, e2eHost } from './support/e2eHost';

test.skip(e2eHost === 'electron', chromiumHostOnly);

/**
 * The terminal heals itself (README.md, "Self-healing"), shown by injecting each fault into the
 * running Chromium host: the kiosk page crashed again and again, its renderer frozen, a Chromium
 * helper process killed, an error thrown in the host.
 */

const secret = 'e2e-selfheal-secret-0123456789abcdef012345';

let kiosk: RunningKiosk | undefined;
let receiver: HelpReceiver | undefined;
const stopped: number[] = [];
test.afterEach(async () => {
  for (const pid of stopped.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await kiosk?.close();
  kiosk = undefined;
  await receiver?.close();
  receiver = undefined;
});

/** The kiosk page that is up now (a replaced page is a new page in the kiosk's context). */
async function currentKioskPage(running: RunningKiosk, after: Page | null, timeoutMs = 20_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = running.browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => candidate !== after && !candidate.isClosed() && candidate.url().startsWith(running.url));
    if (page) return page;
    if (Date.now() > deadline) throw new Error('no fresh kiosk page appeared');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Crashes the page's renderer the way a fault in it would. */
async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // The answer never comes from a crashed renderer; the page's crash event says it happened.
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

function logEvents(dataDir: string): { event?: string; kind?: string; err?: string }[] {
  return readFileSync(join(dataDir, 'logs', 'kiosk.log'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { event?: string });
}

test('the kiosk page crashing: a fresh page twice, then out of order with staff called, and no reload loop', async () => {
  test.setTimeout(120_000);
  receiver = await startHelpReceiver(secret);
  kiosk = await launchKiosk({ config: helpConfigFile(secret, [{ url: receiver.url }]) });
  let page = kiosk.page;
  for (const round of [1, 2]) {
    await crash(page);
    page = await currentKioskPage(kiosk, page);
    await expect(page.locator('[data-screen="attract"]'), `fresh page after crash ${String(round)}`).toBeVisible();
  }
  await crash(page);
  page = await currentKioskPage(kiosk, page);
  await expect(page.locator('[data-screen="out-of-order"]')).toBeVisible();
  const call = await receiver.waitFor('requested');
  expect(call.screen).toBe('kiosk-ui-failing');
  expect(logEvents(kiosk.dataDir).map((line) => line.event)).toContain('ui-failure-loop');

  // A fourth crash within the ten minutes: the page stays down instead of flickering in a loop.
  await crash(page);
  await expect.poll(() => logEvents(kiosk?.dataDir ?? '').filter((line) => line.event === 'ui-failure').length, { timeout: 10_000 }).toBe(3);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const alive = kiosk.browser
    .contexts()
    .flatMap((context) => context.pages())
    .filter((candidate) => !candidate.isClosed() && candidate !== page && candidate.url().startsWith(kiosk?.url ?? '-'));
  expect(alive).toEqual([]);
});

test('a frozen kiosk page (its renderer stopped with SIGSTOP) is replaced by a fresh one', async () => {
  test.setTimeout(120_000);
  kiosk = await launchKiosk();
  const page = kiosk.page;
  await page.locator('[data-action="start-session"]').click();
  // The renderer that runs this page: stopped, it stops answering.
  const renderers = processesBelow(kiosk.process.child.pid ?? 0).filter(({ cmdline }) => cmdline.includes('--type=renderer'));
  let frozen: number | null = null;
  for (const { pid } of renderers) {
    process.kill(pid, 'SIGSTOP');
    stopped.push(pid);
    const answered = await Promise.race([page.evaluate(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 1500))]);
    if (answered === false) {
      frozen = pid;
      break;
    }
    process.kill(pid, 'SIGCONT');
    stopped.pop();
  }
  expect(frozen, 'the kiosk page has a renderer of its own').not.toBeNull();
  const fresh = await currentKioskPage(kiosk, page, 45_000);
  // A fresh page loads and starts the whole UI; with both cores busy that can take longer than the default wait.
  await expect(fresh.locator('[data-screen="attract"]')).toBeVisible({ timeout: 30_000 });
  expect(logEvents(kiosk.dataDir).map((line) => line.event)).toContain('ui-hang');
});

test('a Chromium helper process killed (the network service) is logged, and the kiosk goes on', async () => {
  test.setTimeout(90_000);
  kiosk = await launchKiosk();
  const network = helperProcessesBelow(kiosk.process.child.pid ?? 0).find((helper) => helper.kind.startsWith('utility:network'));
  test.skip(network === undefined, 'this Chromium runs its network service in the browser process');
  process.kill(network?.pid ?? 0, 'SIGKILL');
  await expect
    .poll(() => logEvents(kiosk?.dataDir ?? '').filter((line) => line.event === 'child-process-gone' && line.kind === network?.kind).length, {
      timeout: 15_000,
    })
    .toBe(1);
  // Chromium started a new network service: the page loads its files again, and works.
  await kiosk.page.reload();
  await kiosk.page.locator('[data-action="start-session"]').click();
  await expect(kiosk.page.locator('[data-screen="home-info"]')).toBeVisible();
});

test('an error nobody caught in the host: logged, exit 1 for the supervisor, Chromium gone with it', async () => {
  // Fault injection from outside: a module loaded before the host throws when the test signals it.
  const inject = `data:text/javascript,${encodeURIComponent("process.on('SIGUSR2', () => { throw new Error('injected fault'); });")}`;
  const proc = startProcess(join(appRoot, 'dist', 'chromium', 'host.mjs'), ['--headless', '--config', fixtureConfig('info-staff.json')], {
    NODE_OPTIONS: `--import=${inject}`,
  });
  await proc.waitForOutput(/^KIOSK_READY \S+$/m);
  const pid = proc.child.pid ?? 0;
  const chromium = processesBelow(pid).map(({ pid: child }) => child);
  expect(chromium.length).toBeGreaterThan(0);
  process.kill(pid, 'SIGUSR2');
  expect(await proc.exited).toBe(1);
  expect(proc.output()).toContain('unexpected error (uncaught-exception: Error)');
  expect(proc.output()).not.toContain('injected fault');
  // No Chromium left running without its host.
  await expect.poll(() => chromium.filter((child) => processAlive(child)), { timeout: 10_000 }).toEqual([]);
});

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${String(pid)}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}
