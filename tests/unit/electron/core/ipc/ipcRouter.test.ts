import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultKeyMap } from '#shared/config/keypadConfig';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import { createIpcRouter, declaredKeys, issuePaths, type CallOrigin, type RequestHandlers } from '#core/ipc/ipcRouter';
import { bootstrapSchema } from '#shared/contract/appContract';
import { requestChannels } from '#shared/contract/channels';
import { clearHelpView } from '#shared/contract/helpContract';
import { fail, ok } from '#shared/result';
import { z } from '#shared/zodConfig';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const trusted: CallOrigin = { trusted: true, description: 'kiosk://app' };
const CANARY = 'CANARY-Mustermann-4711';

/** Payloads that no channel of the contract accepts; each carries the canary where it can. */
function malformedPayloads(): { label: string; payload: unknown }[] {
  const nested: Record<string, unknown> = { leaf: CANARY };
  let deep: Record<string, unknown> = nested;
  for (let i = 0; i < 200; i += 1) deep = { [`level${String(i)}`]: deep, note: CANARY };
  return [
    { label: 'undefined', payload: undefined },
    { label: 'null', payload: null },
    { label: 'number', payload: 42 },
    { label: 'string', payload: CANARY },
    { label: 'boolean', payload: true },
    { label: 'array', payload: [] },
    { label: 'array with canary', payload: [CANARY] },
    { label: 'extra key', payload: { extra: 1 } },
    { label: 'extra key with canary', payload: { extra: CANARY, [CANARY]: CANARY } },
    { label: '__proto__ pollution', payload: JSON.parse(`{"__proto__":{"polluted":"${CANARY}"}}`) as unknown },
    { label: 'constructor.prototype pollution', payload: JSON.parse(`{"constructor":{"prototype":{"polluted":"${CANARY}"}}}`) as unknown },
    { label: 'huge string', payload: CANARY + 'x'.repeat(1_000_000) },
    { label: 'huge object', payload: { blob: CANARY + 'y'.repeat(1_000_000) } },
    { label: 'deeply nested', payload: deep },
    { label: 'resetId as number', payload: { resetId: 5, note: CANARY } },
    { label: 'resetId with illegal chars', payload: { resetId: `../${CANARY}/<script>` } },
    { label: 'resetId too long', payload: { resetId: `${CANARY}-${'a'.repeat(64)}` } },
    { label: 'resetId empty', payload: { resetId: '', extra: CANARY } },
    { label: 'resetId as object', payload: { resetId: { value: CANARY } } },
    { label: 'resetId plus extra key', payload: { resetId: 'abc-1', extra: CANARY } },
    { label: 'resetId with __proto__', payload: JSON.parse(`{"resetId":"abc-1","__proto__":{"polluted":"${CANARY}"}}`) as unknown },
  ];
}

let core: KioskCore | undefined;
let log: LogCapture;

function makeCore(): KioskCore {
  log = captureLog();
  core = createKioskCore({ config: testConfig(), logger: log.logger, clock: new FakeClock(), reloadUi: vi.fn() });
  return core;
}

afterEach(() => {
  void core?.dispose();
  core = undefined;
});

describe('IPC router: malformed payloads on every channel', () => {
  const channels = Object.keys(requestChannels);

  it('covers at least the known channels', () => {
    expect(channels).toEqual(expect.arrayContaining(['app.bootstrap', 'session.start', 'session.resetComplete']));
  });

  for (const channel of channels) {
    it(`rejects every malformed payload on ${channel} with invalid-payload and logs it without payload values`, async () => {
      const { router, session } = makeCore();
      const before = session.snapshot();
      for (const { label, payload } of malformedPayloads()) {
        const result = await router.handle(channel, payload, trusted);
        expect(result.ok, `${channel} / ${label}`).toBe(false);
        expect(!result.ok && result.error.code, `${channel} / ${label}`).toBe('invalid-payload');
        expect(JSON.stringify(result), `${channel} / ${label}`).not.toContain(CANARY);
      }
      // Nothing happened to the session.
      expect(session.snapshot()).toEqual(before);
      // One warn line per rejected call, naming the channel, never the payload.
      const rejected = log.entries().filter((e) => e.event === 'ipc-rejected');
      expect(rejected).toHaveLength(malformedPayloads().length);
      for (const entry of rejected) {
        expect(entry.level).toBe(40);
        expect(entry.channel).toBe(channel);
        expect(entry.code).toBe('invalid-payload');
      }
      expect(log.raw()).not.toContain(CANARY);
      expect(log.raw()).not.toContain('xxxxxxxxxx');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }
});

describe('IPC router: channel and sender checks', () => {
  it.each([
    ['a non-string (number)', 42],
    ['a non-string (null)', null],
    ['a non-string (undefined)', undefined],
    ['a non-string (object)', { channel: 'session.start' }],
    ['a non-string (array)', ['session.start']],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['an unknown name', 'session.delete'],
    ['an event name', 'session.changed'],
  ])('answers %s with unknown-channel', async (_label, channel) => {
    const { router } = makeCore();
    const result = await router.handle(channel, {}, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel' } });
    const entry = log.entries().find((e) => e.event === 'ipc-rejected');
    expect(entry?.code).toBe('unknown-channel');
    expect(entry?.level).toBe(40);
  });

  it('answers a channel that cannot be turned into a string with unknown-channel instead of throwing', async () => {
    const { router } = makeCore();
    const result = await router.handle(Object.create(null), {}, trusted).catch((error: unknown) => ({ threw: String(error) }));
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel' } });
  });

  it.each([
    ['a long name', 'z'.repeat(10_000), { channelType: 'string', channelLength: 10_000, channelShaped: false }],
    ['a name carrying text', `Name ${CANARY}`, { channelType: 'string', channelLength: CANARY.length + 5, channelShaped: false }],
    ['a name shaped like a channel', 'session.delete', { channelType: 'string', channelLength: 14, channelShaped: true }],
    ['a non-string', 42, { channelType: 'number', channelLength: null, channelShaped: false }],
  ])('logs an unknown channel (%s) only by its type, length and shape, never its text', async (_label, channel, fields) => {
    const { router } = makeCore();
    await router.handle(channel, {}, trusted);
    const entry = log.entries().find((e) => e.event === 'ipc-rejected');
    expect(entry).toMatchObject({ code: 'unknown-channel', ...fields });
    expect(entry).not.toHaveProperty('channel');
    expect(log.raw()).not.toContain('zzzz');
    expect(log.raw()).not.toContain(CANARY);
    expect(log.raw()).not.toContain('session.delete');
  });

  it('names only schema keys and array indexes in the issue paths, never a key the sender chose', async () => {
    const { router } = makeCore();
    const payload = JSON.parse(`{"receipt":{"blocks":[{"type":"text","text":5}],"${CANARY}":1},"__proto__":{"a":1}}`) as unknown;
    const result = await router.handle('printer.print', payload, trusted);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-payload', detail: 'receipt.blocks.0.text: invalid_type; receipt: unrecognized_keys; (root): unrecognized_keys' },
    });
    expect(log.entries().find((e) => e.event === 'ipc-rejected')?.issues).toBe(!result.ok && result.error.detail);
    expect(log.raw()).not.toContain(CANARY);
    expect(log.raw()).not.toContain('__proto__');
  });

  it('shows a key the schema does not declare (of a record) as * in an issue path', () => {
    const schema = z.strictObject({ tags: z.record(z.string(), z.strictObject({ count: z.number() })), list: z.array(z.string()) });
    expect([...declaredKeys(schema)].sort()).toEqual(['count', 'list', 'tags']);
    const parsed = schema.safeParse({ tags: { [CANARY]: { count: CANARY } }, list: [1], [CANARY]: 1 });
    expect(parsed.success).toBe(false);
    const detail = parsed.error ? issuePaths(parsed.error, declaredKeys(schema)) : '';
    expect(detail).toBe('tags.*.count: invalid_type; list.0: invalid_type; (root): unrecognized_keys');
  });

  it('rejects an untrusted sender before looking at channel or payload', async () => {
    const { router, session } = makeCore();
    const origin: CallOrigin = { trusted: false, description: 'https://evil.example' };
    for (const [channel, payload] of [
      ['session.start', {}],
      ['no.such', {}],
      ['session.resetComplete', { resetId: 5, note: CANARY }],
      [42, CANARY],
    ] as const) {
      expect(await router.handle(channel, payload, origin)).toEqual({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(session.snapshot().state).toBe('attract');
    const entries = log.entries().filter((e) => e.event === 'ipc-rejected');
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(entry.code).toBe('untrusted-sender');
      expect(entry.from).toBe('https://evil.example');
    }
    expect(log.raw()).not.toContain(CANARY);
  });

  it('answers internal when a handler throws or rejects, and logs an error line', async () => {
    const log2 = captureLog();
    const handlers: RequestHandlers = {
      'app.bootstrap': () => {
        throw new Error('sync failure');
      },
      'session.start': () => Promise.reject(new Error('async failure')),
      'session.activity': () => ok({}),
      'session.extend': () => {
        throw new Error('x');
      },
      'session.end': () => ok({}),
      'session.resetComplete': () => ok({}),
      'devices.status': () => ok({ devices: [] }),
      'printer.print': () => ok({ status: 'printed' as const }),
      'content.status': () => ok({ state: 'none' as const, version: null, problemCount: 0, problems: [] }),
      'content.home': () => ok({ available: false, sampleData: false, topics: [], opening: { open: false, nextOpening: null }, queue: [] }),
      'content.topic': () => fail('unavailable'),
      'content.search': () => fail('unavailable'),
      'content.service': () => fail('unavailable'),
      'content.printSlip': () => fail('unavailable'),
      'queue.draw': () => fail('closed'),
      'portal.tiles': () => fail('unavailable'),
      'portal.open': () => fail('unavailable'),
      'portal.command': () => fail('unavailable'),
      'portal.layout': () => fail('unavailable'),
      'portal.type': () => fail('unavailable'),
      'portal.key': () => fail('unavailable'),
      'portal.pointer': () => fail('unavailable'),
      'portal.wheel': () => fail('unavailable'),
      'portal.print': () => fail('unavailable'),
      'portal.answerDialog': () => fail('unavailable'),
      'portal.chooseFiles': () => fail('unavailable'),
      'portal.dismiss': () => fail('unavailable'),
      'help.request': () => ok(clearHelpView),
      'help.cancel': () => ok(clearHelpView),
      'help.status': () => ok(clearHelpView),
      'staff.unlock': () => fail('invalid-state'),
      'staff.lock': () => fail('invalid-state'),
      'staff.activity': () => fail('invalid-state'),
      'staff.action': () => fail('invalid-state'),
      'staff.counters': () => fail('invalid-state'),
      'staff.status': () => fail('invalid-state'),
    };
    const router = createIpcRouter(handlers, log2.logger);
    expect(await router.handle('app.bootstrap', {}, trusted)).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await router.handle('session.start', {}, trusted)).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await router.handle('session.activity', {}, trusted)).toEqual({ ok: true, value: {} });
    const failures = log2.entries().filter((e) => e.event === 'ipc-handler-failed');
    expect(failures.map((e) => e.channel)).toEqual(['app.bootstrap', 'session.start']);
    expect(failures.every((e) => e.level === 50)).toBe(true);
  });

  it('passes the parsed payload to the handler', async () => {
    const resetComplete = vi.fn(() => ok({}));
    const handlers: RequestHandlers = {
      'app.bootstrap': vi.fn(),
      'session.start': vi.fn(),
      'session.activity': vi.fn(),
      'session.extend': vi.fn(),
      'session.end': vi.fn(),
      'session.resetComplete': resetComplete,
      'devices.status': vi.fn(),
      'printer.print': vi.fn(),
      'content.status': vi.fn(),
      'content.home': vi.fn(),
      'content.topic': vi.fn(),
      'content.search': vi.fn(),
      'content.service': vi.fn(),
      'content.printSlip': vi.fn(),
      'queue.draw': vi.fn(),
      'portal.tiles': vi.fn(),
      'portal.open': vi.fn(),
      'portal.command': vi.fn(),
      'portal.layout': vi.fn(),
      'portal.type': vi.fn(),
      'portal.key': vi.fn(),
      'portal.pointer': vi.fn(),
      'portal.wheel': vi.fn(),
      'portal.print': vi.fn(),
      'portal.answerDialog': vi.fn(),
      'portal.chooseFiles': vi.fn(),
      'portal.dismiss': vi.fn(),
      'help.request': vi.fn(),
      'help.cancel': vi.fn(),
      'help.status': vi.fn(),
      'staff.unlock': vi.fn(),
      'staff.lock': vi.fn(),
      'staff.activity': vi.fn(),
      'staff.action': vi.fn(),
      'staff.counters': vi.fn(),
      'staff.status': vi.fn(),
    };
    const router = createIpcRouter(handlers, captureLog().logger);
    await router.handle('session.resetComplete', { resetId: 'abc-1' }, trusted);
    expect(resetComplete).toHaveBeenCalledWith({ resetId: 'abc-1' });
  });
});

describe('IPC router: valid calls through the kiosk core', () => {
  it('app.bootstrap returns terminal, languages, session timings and the snapshot', async () => {
    const { router } = makeCore();
    const result = await router.handle('app.bootstrap', {}, trusted);
    expect(result.ok).toBe(true);
    const value = result.ok ? result.value : undefined;
    expect(bootstrapSchema.safeParse(value).success).toBe(true);
    expect(value).toEqual({
      terminal: { id: 'test-terminal', name: 'Test terminal', role: 'info', site: 'Test site' },
      languages: { default: 'de', offered: ['de', 'en'] },
      session: { idleTimeoutSeconds: 90, warningSeconds: 30 },
      keys: defaultKeyMap,
      help: { chime: { enabled: true, repeats: 2, volume: 0.6 } },
      staff: { gesture: { corner: 'top-left', taps: 5, withinSeconds: 3 }, language: 'de' },
      snapshot: { state: 'attract', sessionId: null, warningEndsAt: null, extensionsUsed: 0, resetId: null, lastEnd: null },
    });
    expect(log.entries().filter((e) => e.event === 'ipc-rejected')).toHaveLength(0);
  });

  it('every response of a valid call matches its response schema', async () => {
    const { router } = makeCore();
    const start = await router.handle('session.start', {}, trusted);
    expect(start.ok && requestChannels['session.start'].response.safeParse(start.value).success).toBe(true);
    const activity = await router.handle('session.activity', {}, trusted);
    expect(activity).toEqual({ ok: true, value: {} });
    const extend = await router.handle('session.extend', {}, trusted);
    expect(extend.ok && requestChannels['session.extend'].response.safeParse(extend.value).success).toBe(true);
    const end = await router.handle('session.end', {}, trusted);
    expect(end).toEqual({ ok: true, value: {} });
  });

  it('session.start → session.end → resetComplete with the announced id returns to attract', async () => {
    const c = makeCore();
    const events: string[] = [];
    c.onEvent((message) => {
      if (message.event === 'session.changed') events.push(message.payload.state);
    });
    await c.router.handle('session.start', {}, trusted);
    await c.router.handle('session.end', {}, trusted);
    const resetId = c.session.snapshot().resetId;
    expect(resetId).not.toBeNull();
    expect(await c.router.handle('session.resetComplete', { resetId: 'wrong-id' }, trusted)).toEqual({
      ok: false,
      error: { code: 'invalid-state', detail: 'no such reset in progress' },
    });
    expect(await c.router.handle('session.resetComplete', { resetId }, trusted)).toEqual({ ok: true, value: {} });
    await flushPromises();
    expect(c.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'end' } });
    expect(events).toEqual(['active', 'resetting', 'attract']);
  });
});
