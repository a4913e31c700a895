import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchKiosk, type RunningKiosk } from './support/kioskProcess';

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

type Raw = (channel: unknown, payload: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

test('malformed IPC calls get typed errors, are logged without their content, and break nothing', async () => {
  kiosk = await launchKiosk();
  const { page } = kiosk;
  const codes = await page.evaluate(async () => {
    const raw = (window as unknown as { __kioskBridge: Raw }).__kioskBridge;
    const kiosk = window.kiosk;
    if (!kiosk) throw new Error('window.kiosk missing');
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : (r.error?.code ?? 'none'));
    return {
      client: code(await kiosk.invoke('session.resetComplete', { resetId: 5 } as never)),
      wrongType: code(await raw('session.resetComplete', { resetId: 5 })),
      badChars: code(await raw('session.resetComplete', { resetId: '../../CANARY-4711' })),
      extraKey: code(await raw('session.start', { secret: 'CANARY-4711' })),
      notObject: code(await raw('session.activity', 'CANARY-4711')),
      unknown: code(await raw('system.exec', { cmd: 'rm -rf /' })),
      nonString: code(await raw(42, null)),
      proto: code(await raw('__proto__', {})),
    };
  });
  expect(codes).toEqual({
    client: 'invalid-payload',
    wrongType: 'invalid-payload',
    badChars: 'invalid-payload',
    extraKey: 'invalid-payload',
    notObject: 'invalid-payload',
    unknown: 'unknown-channel',
    nonString: 'unknown-channel',
    proto: 'unknown-channel',
  });
  // The kiosk still works.
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  const log = readFileSync(join(kiosk.dataDir, 'logs', 'kiosk.log'), 'utf8');
  expect(log.match(/"event":"ipc-rejected"/g)?.length ?? 0).toBeGreaterThanOrEqual(7);
  expect(log).not.toContain('CANARY-4711');
});

test('calls from a frame other than the kiosk top frame are refused', async () => {
  kiosk = await launchKiosk();
  const { page } = kiosk;
  const result = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>embedded</p>';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const child = frame.contentWindow as unknown as { __kioskBridge?: Raw; kiosk?: unknown };
    const answer = child.__kioskBridge ? await child.__kioskBridge('app.bootstrap', {}) : null;
    return { hasApi: child.kiosk !== undefined, code: answer && !answer.ok ? answer.error?.code : answer ? 'ok' : 'no-binding' };
  });
  expect(result.hasApi).toBe(false);
  expect(result.code).toBe('untrusted-sender');
});

test('window.kiosk exposes only invoke and on, and cannot be replaced', async () => {
  kiosk = await launchKiosk();
  const shape = await kiosk.page.evaluate(() => {
    const before = window.kiosk;
    try {
      (window as unknown as { kiosk: unknown }).kiosk = { invoke: () => 'hijacked' };
    } catch {
      // strict-mode assignment to a read-only property throws; either way it must not change
    }
    return { keys: Object.keys(before ?? {}).sort(), same: window.kiosk === before, frozen: Object.isFrozen(before) };
  });
  expect(shape).toEqual({ keys: ['invoke', 'on'], same: true, frozen: true });
});
