import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import type { SimulatedLightRecord } from '#core/devices/signalLight/simulatedSignalLight';
import { signWebhookBody, verifyWebhookSignature } from '#core/help/webhookChannel';
import { resolveHelpConfig } from '#shared/config/helpConfig';
import type { KioskConfig } from '#shared/config/kioskConfig';
import type { HelpView } from '#shared/contract/helpContract';
import { helpEventSchema } from '#shared/help/helpEvent';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';
import { startReceiver, waitFor, type TestReceiver } from './helpFakes';
import { staffConfig, staffPin, wrongPin } from '../staff/staffFakes';

/** The core's help call end to end in one process: UI request → light, webhook, acknowledgement from afar → UI. */

const trusted = { trusted: true, description: 'test' };
const secret = 'core-help-secret-0123456789abcdefghijkl';

let root = '';
let core: KioskCore | undefined;
let receiver: TestReceiver | null = null;
let log: LogCapture;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'core-help-'));
  log = captureLog();
});

afterEach(async () => {
  await core?.dispose();
  core = undefined;
  await receiver?.close();
  receiver = null;
  rmSync(root, { recursive: true, force: true });
});

function lightRecords(): SimulatedLightRecord[] {
  const file = join(root, 'simulated', 'signal-light.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SimulatedLightRecord);
}

function makeCore(config: KioskConfig, withDataDir = true): { core: KioskCore; clock: FakeClock; views: HelpView[] } {
  // Real wall-clock time: the receiver checks the signatures' timestamps against its own clock.
  const clock = new FakeClock(Date.now());
  const created = createKioskCore({
    config,
    logger: log.logger,
    clock,
    reloadUi: vi.fn(),
    ...(withDataDir
      ? {
          dataDir: root,
          deviceAccess: {
            dataDir: root,
            openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
            hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID')) },
          },
        }
      : {}),
  });
  core = created;
  const views: HelpView[] = [];
  created.onEvent((message) => {
    if (message.event === 'help.changed') views.push(message.payload);
  });
  return { core: created, clock, views };
}

describe('kiosk core: help calls', () => {
  it('request → blinking light and a signed webhook call → acknowledged from afar → resolved by staff', async () => {
    receiver = await startReceiver();
    const acknowledgeUrl = receiver.url.replace('/kiosk-help', '/kiosk-help/status');
    let staffAcknowledged = false;
    receiver.respond = (request, response) => {
      if (request.method === 'POST') {
        response.writeHead(204).end();
        return;
      }
      const callId = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('callId') ?? '';
      const body = JSON.stringify({ callId, status: staffAcknowledged ? 'acknowledged' : 'open' });
      const at = String(Math.floor(Date.now() / 1000));
      response.writeHead(200, { 'X-Kiosk-Timestamp': at, 'X-Kiosk-Signature': signWebhookBody(secret, at, body) }).end(body);
    };
    const help = resolveHelpConfig({
      escalateAfterSeconds: 120,
      location: 'Foyer, links neben dem Eingang',
      channels: [{ kind: 'webhook', url: receiver.url, secret, timeoutSeconds: 5, when: 'always', acknowledgeUrl }],
    });
    const { core: c, clock, views } = makeCore({ ...testConfig(), devices: [{ id: 'light', kind: 'signalLight', driver: 'simulator' }], help });
    await c.startDevices();
    expect(lightRecords().map((r) => r.state)).toEqual(['free']);

    const requested = await c.router.handle('help.request', { screen: 'info-search', language: 'ar' }, trusted);
    expect(requested).toMatchObject({ ok: true, value: { status: 'requested', escalated: false } });
    const callId = requested.ok ? (requested.value as HelpView).callId : null;
    expect(views).toEqual([expect.objectContaining({ status: 'requested', callId })]);
    await waitFor(() => lightRecords().length === 2, 'the light record');
    expect(lightRecords()[1]).toMatchObject({ state: 'help-requested', blink: true, color: [255, 150, 0] });

    // The webhook gets the call, signed.
    await waitFor(() => receiver?.requests.some((r) => r.method === 'POST') ?? false, 'the webhook call');
    const post = receiver.requests.find((r) => r.method === 'POST');
    if (!post) throw new Error('no POST');
    const timestamp = String(post.headers['x-kiosk-timestamp']);
    expect(
      verifyWebhookSignature({
        secret,
        timestamp,
        body: post.body,
        signature: String(post.headers['x-kiosk-signature']),
        nowSeconds: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
    const event = helpEventSchema.parse(JSON.parse(post.body));
    expect(event).toMatchObject({
      callId,
      type: 'requested',
      terminal: { id: 'test-terminal' },
      location: 'Foyer, links neben dem Eingang',
      screen: 'info-search',
      language: 'ar',
    });

    // Staff acknowledge at their end; the next question learns it.
    staffAcknowledged = true;
    clock.advance(5000);
    // The screen hears of it once the acknowledgement is in the outbox on disk.
    await waitFor(() => views.at(-1)?.status === 'acknowledged', 'the acknowledgement');
    expect(views.at(-1)).toMatchObject({ status: 'acknowledged', callId });
    expect(await c.router.handle('help.status', {}, trusted)).toMatchObject({ ok: true, value: { status: 'acknowledged', callId } });

    // Staff arrive and resolve it in assist mode.
    expect((await c.help.resolve()).ok).toBe(true);
    expect(views.at(-1)).toEqual({ status: 'clear', callId: null, escalated: false, requestedAt: null });
    await waitFor(() => lightRecords().at(-1)?.state === 'free', 'the light back to free');
    await waitFor(() => receiver?.requests.filter((r) => r.method === 'POST').length === 3, 'acknowledged and resolved events');
    expect(receiver.requests.filter((r) => r.method === 'POST').map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'requested',
      'acknowledged',
      'resolved',
    ]);
    expect(existsSync(join(root, 'help', 'outbox.json'))).toBe(true);
  });

  it('the PIN pad locking sends staff a signed "staff-pin-locked" alert through the webhook, once, with nothing of the PINs', async () => {
    receiver = await startReceiver();
    const help = resolveHelpConfig({
      escalateAfterSeconds: 120,
      channels: [{ kind: 'webhook', url: receiver.url, secret, timeoutSeconds: 5, when: 'always' }],
    });
    const { core: c, views } = makeCore({ ...testConfig(), help, staff: staffConfig() });
    await c.startDevices();
    for (let i = 0; i < 4; i++)
      expect(await c.router.handle('staff.unlock', { pin: wrongPin }, trusted)).toMatchObject({ ok: true, value: { outcome: 'wrong' } });
    expect(await c.router.handle('staff.unlock', { pin: wrongPin }, trusted)).toMatchObject({
      ok: true,
      value: { outcome: 'wrong', assist: { padLockedForGood: false, attemptsLeft: 0 } },
    });
    await waitFor(() => receiver?.requests.some((r) => r.method === 'POST') ?? false, 'the alert');
    const posts = receiver.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const post = posts[0];
    if (!post) throw new Error('no POST');
    const event = helpEventSchema.parse(JSON.parse(post.body));
    expect(event).toMatchObject({ type: 'requested', screen: 'staff-pin-locked', terminal: { id: 'test-terminal' }, language: 'de' });
    expect(post.body).not.toContain(wrongPin);
    expect(post.body).not.toContain(staffPin);
    // Not a citizen's call: the terminal shows none.
    expect(c.help.view().status).toBe('clear');
    expect(views).toEqual([]);
  });

  it('help.cancel from the UI ends the call; the citizen ending the session ends it too', async () => {
    const { core: c, views } = makeCore(testConfig());
    await c.router.handle('help.request', { screen: 'home', language: 'de' }, trusted);
    expect(await c.router.handle('help.cancel', {}, trusted)).toMatchObject({ ok: true, value: { status: 'clear' } });
    c.session.start();
    await c.router.handle('help.request', { screen: 'home', language: 'de' }, trusted);
    await c.router.handle('session.end', {}, trusted);
    await flushPromises();
    const resetId = c.session.snapshot().resetId;
    if (resetId !== null) await c.router.handle('session.resetComplete', { resetId }, trusted);
    await flushPromises();
    expect(c.help.view().status).toBe('clear');
    expect(views.map((v) => v.status)).toEqual(['requested', 'clear', 'requested', 'clear']);
  });

  it('bootstrap tells the UI the chime', async () => {
    const { core: c } = makeCore({ ...testConfig(), help: { ...resolveHelpConfig(undefined), chime: { enabled: false, repeats: 3, volume: 0.3 } } });
    const bootstrap = await c.router.handle('app.bootstrap', {}, trusted);
    expect(bootstrap).toMatchObject({ ok: true, value: { help: { chime: { enabled: false, repeats: 3, volume: 0.3 } } } });
  });

  it('without a data folder the call still reaches the screen, and the log says it stays local', async () => {
    const { core: c, views } = makeCore(testConfig(), false);
    await c.startDevices();
    expect(await c.router.handle('help.request', { screen: 'home', language: 'de' }, trusted)).toMatchObject({ ok: true, value: { status: 'requested' } });
    expect(views).toHaveLength(1);
    expect(log.entries().some((e) => e.event === 'help-local-only')).toBe(true);
    expect(existsSync(join(root, 'help'))).toBe(false);
  });
});
