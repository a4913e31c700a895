import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { canaryStores, startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { clipboardText, filesContaining } from './support/canaries';
import { e2eHost } from './support/e2eHost';
import { launchKiosk, waitForReset, type RunningKiosk } from './support/kioskProcess';
import { openPortalPages, openTile, portalPage, tapInPortal, typeOnScreen, waitForFrame, workstationConfig } from './support/workstation';

/**
 * No trace (docs/architecture.md, "Session"): the test portal writes a canary into every place a browser keeps
 * something — cookies, localStorage, sessionStorage, IndexedDB, Cache Storage, a service worker,
 * the HTTP cache and auth cache, the clipboard, a form field typed on the on-screen keyboard. After
 * "end" and after the idle reset, the next session finds none of it, no file of the kiosk holds
 * it, and the portal page never sees anything of the kiosk.
 */
/**
 * Every store the test portal writes, but the HTTP cache, which the Chromium host's portal contexts
 * do not have, and (there too) service workers, which it does not register.
 */
const notKept: readonly string[] = e2eHost === 'chromium' ? ['httpCache', 'serviceWorker'] : ['httpCache'];
const stores = canaryStores.filter((store) => !notKept.includes(store));
let portal: TestPortal;
let kiosk: RunningKiosk | undefined;

test.beforeAll(async () => {
  portal = await startTestPortal();
});
test.afterAll(async () => {
  await portal.close();
});
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

/** Writes the canary everywhere through the portal, as the citizen of the first session. */
async function leaveTraces(page: Page, canary: string): Promise<Page> {
  await openTile(page, 'testportal');
  await waitForFrame(page);
  const site = await portalPage(page, portal.origin);
  await site.goto(portal.url(`/write?canary=${canary}`));
  await tapInPortal(page, site, '#keep');
  await typeOnScreen(page, canary);
  await expect(site.locator('#keep')).toHaveValue(canary);
  await tapInPortal(page, site, '#write');
  const written = await portal.waitForReport('write', { predicate: (report) => report.canary === canary });
  // Every store really holds the canary, so the checks below can fail.
  for (const store of stores) expect(written.results[store], `${store}: ${written.errors[store] ?? ''}`).toBe(true);
  // The Chromium host's portal contexts have no HTTP cache at all (request interception turns it
  // off), and refuse service workers.
  for (const store of notKept) expect(written.results[store as (typeof canaryStores)[number]], store).toBe(false);
  return site;
}

for (const how of ['end', 'idle'] as const) {
  test(`after ${how === 'end' ? '"end session"' : 'the idle reset'} the next session finds no trace of the canary anywhere`, async () => {
    test.setTimeout(120_000);
    // Idle: long enough that a busy machine's slow page load while the traces are written does not
    // count as the citizen walking away (the warning would then cover the keyboard).
    const setup = workstationConfig(portal, { name: `trace-${how}`, idleTimeoutSeconds: how === 'idle' ? 15 : 600 });
    kiosk = await launchKiosk({ config: setup.config });
    const { page, browser } = kiosk;
    const canary = `CANARY-${randomBytes(4).toString('hex').toUpperCase()}`;
    const first = await leaveTraces(page, canary);
    expect(await clipboardText(browser, portal.url('/start'))).toBe(canary);

    if (how === 'end') {
      await page.locator('[data-action="end-session"]').click();
    } else {
      await page.locator('[data-screen="idle-warning"]').waitFor({ timeout: 30_000 });
    }
    await waitForReset(page, 60_000);
    expect(first.isClosed()).toBe(true);
    expect(openPortalPages(page)).toEqual([]);
    expect(await clipboardText(browser, portal.url('/start'))).not.toContain(canary);

    // The next citizen opens the same service and looks everywhere.
    await openTile(page, 'testportal');
    await waitForFrame(page);
    const next = await portalPage(page, portal.origin);
    expect(next).not.toBe(first);
    portal.clear();
    await next.goto(portal.url('/check'));
    const check = await portal.waitForReport('check');
    for (const store of canaryStores) expect(check.found[store], store).toEqual([]);
    expect(check.errors).toEqual({});
    expect(check.registrations).toEqual([]);
    expect(portal.requests('portal').filter((request) => request.authorization)).toEqual([]);
    expect(portal.requests('portal').every((request) => request.cookie === undefined)).toBe(true);
    await next.goto(portal.url('/write?canary=CANARY-none'));
    await expect(next.locator('#keep')).toHaveValue('');

    // The page cannot reach the kiosk.
    await next.goto(portal.url('/probe'));
    const probe = await portal.waitForReport('probe');
    expect(probe).toMatchObject({ kiosk: 'undefined', kioskBridge: 'undefined', kioskDeliver: 'undefined', unexpectedGlobals: [] });

    // Nothing of it on disk: the kiosk's data folder (logs included) and what the host printed.
    expect(await filesContaining(kiosk.dataDir, canary)).toEqual([]);
    expect(kiosk.process.output()).not.toContain(canary);
  });
}
