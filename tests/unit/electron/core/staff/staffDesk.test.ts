import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import type { ContentService, ContentStatus } from '#core/content/contentService';
import type { SimulatedSignalLight } from '#core/devices/signalLight/simulatedSignalLight';
import type { KioskConfig } from '#shared/config/kioskConfig';
import type { KioskEvent } from '#shared/contract/channels';
import { restartExitCode, staffActions, type StaffAction } from '#shared/contract/staffContract';
import type { Result } from '#shared/result';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';
import { allFiles, staffConfig, staffPin, wrongPin } from './staffFakes';

const trusted = { trusted: true, description: 'test' };

const cores: KioskCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
});

interface SetupOptions {
  readonly dataDir?: string;
  readonly light?: boolean;
  readonly content?: ContentService | null;
  readonly exit?: boolean;
  readonly clock?: FakeClock;
}

function setup(options: SetupOptions = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-staff-'));
  const config: KioskConfig = {
    ...testConfig(),
    devices: options.light === false ? [] : [{ id: 'light', kind: 'signalLight', driver: 'simulator' }],
    staff: staffConfig({ lockAfterSeconds: 60 }),
  };
  const clock = options.clock ?? new FakeClock();
  const log = captureLog('trace');
  const exits: number[] = [];
  const core = createKioskCore({
    config,
    logger: log.logger,
    clock,
    reloadUi: () => undefined,
    dataDir,
    content: options.content ?? null,
    deviceAccess: {
      dataDir,
      openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
      hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID')) },
    },
    ...(options.exit === false ? {} : { exit: (code: number) => exits.push(code) }),
  });
  cores.push(core);
  const events: KioskEvent[] = [];
  core.onEvent((message) => events.push(message));
  const call = (channel: string, payload: unknown = {}): Promise<Result<unknown>> => core.router.handle(channel, payload, trusted);
  const action = (name: StaffAction, confirmed?: boolean) => call('staff.action', confirmed === undefined ? { action: name } : { action: name, confirmed });
  const light = () => core.devices?.light as SimulatedSignalLight;
  const auditLines = (): string[] =>
    readFileSync(join(dataDir, 'audit', 'staff-audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const entry = JSON.parse(line) as { action: string; outcome: string };
        return `${entry.action}:${entry.outcome}`;
      });
  return { core, dataDir, clock, log, exits, events, call, action, light, auditLines };
}

/** Confirms the UI's part of a running reset, as the renderer would. */
async function confirmReset(core: KioskCore): Promise<void> {
  await flushPromises();
  const resetId = core.session.snapshot().resetId;
  if (resetId !== null) await core.router.handle('session.resetComplete', { resetId }, trusted);
  await flushPromises();
}

async function unlocked(options: SetupOptions = {}) {
  const context = setup(options);
  expect(await context.call('staff.unlock', { pin: staffPin })).toMatchObject({ ok: true, value: { outcome: 'open', assist: { mode: 'open' } } });
  return context;
}

describe('staff desk', () => {
  it('bootstrap tells the UI the gesture and the staff language', async () => {
    const { call } = setup();
    expect(await call('app.bootstrap')).toMatchObject({
      ok: true,
      value: { staff: { gesture: { corner: 'top-left', taps: 5, withinSeconds: 3 }, language: 'de' } },
    });
  });

  it('refuses every action and the counters while assist mode is locked, and audits the refusals', async () => {
    const { call, action, auditLines, exits, clock } = setup();
    for (const name of staffActions) expect(await action(name, true), name).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await call('staff.counters')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    clock.advance(10_000);
    expect(exits).toEqual([]);
    expect(auditLines()).toEqual([...staffActions.map((name) => `${name}:refused`), 'view-counters:refused']);
  });

  it('unlock answers the outcome with the pad view and announces changes', async () => {
    const { call, events } = setup();
    expect(await call('staff.unlock', { pin: wrongPin })).toMatchObject({ ok: true, value: { outcome: 'wrong', assist: { mode: 'locked', attemptsLeft: 4 } } });
    expect(await call('staff.unlock', { pin: staffPin })).toMatchObject({ ok: true, value: { outcome: 'open', assist: { mode: 'open', attemptsLeft: 5 } } });
    expect(await call('staff.unlock', { pin: '12' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const staffEvents = events.filter((e) => e.event === 'staff.changed').map((e) => (e.payload as { mode: string }).mode);
    expect(staffEvents).toEqual(['locked', 'open']);
    expect(await call('staff.status')).toMatchObject({
      ok: true,
      value: { assist: { mode: 'open' }, terminal: { outOfOrder: false, place: 'Foyer, Schalter 1' } },
    });
  });

  it('locks after the idle time; then actions are refused again; a staff touch keeps it open', async () => {
    const { call, action, clock } = await unlocked();
    clock.advance(50_000);
    expect(await call('staff.activity')).toMatchObject({ ok: true, value: { mode: 'open' } });
    clock.advance(50_000);
    expect(await action('test-light')).toEqual({ ok: true, value: { status: 'done' } });
    clock.advance(60_000);
    expect(await action('reset-session')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await call('staff.lock')).toMatchObject({ ok: true, value: { mode: 'locked' } });
  });

  it('reset-session ends the citizen session with reason staff; with none running there is nothing to do', async () => {
    const { core, action } = await unlocked();
    expect(await action('reset-session')).toEqual({ ok: true, value: { status: 'failed', reason: 'nothing-to-do' } });
    core.session.start();
    expect(await action('reset-session')).toEqual({ ok: true, value: { status: 'done' } });
    await confirmReset(core);
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'staff' } });
  });

  it('end-and-lock ends the session and locks assist mode', async () => {
    const { core, action, call, auditLines } = await unlocked();
    core.session.start();
    expect(await action('end-and-lock')).toEqual({ ok: true, value: { status: 'done' } });
    await confirmReset(core);
    expect(core.session.snapshot().lastEnd?.reason).toBe('staff');
    expect(await call('staff.status')).toMatchObject({ ok: true, value: { assist: { mode: 'locked' } } });
    expect(auditLines()).toEqual(['unlock:open', 'end-and-lock:done']);
  });

  it('out of order: resets a running session, refuses new ones, shows fault, and survives a restart', async () => {
    const first = await unlocked();
    await first.core.startDevices();
    first.core.session.start();
    expect(first.light().state).toBe('in-use');
    expect(await first.action('out-of-order-on')).toEqual({ ok: true, value: { status: 'done' } });
    await confirmReset(first.core);
    expect(first.core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'staff' } });
    expect(await first.call('session.start')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(first.light().state).toBe('fault');
    expect(first.events.filter((e) => e.event === 'terminal.changed').map((e) => e.payload)).toEqual([{ outOfOrder: true, place: 'Foyer, Schalter 1' }]);
    expect(await first.action('out-of-order-on')).toEqual({ ok: true, value: { status: 'failed', reason: 'nothing-to-do' } });
    await first.core.dispose();

    const second = setup({ dataDir: first.dataDir });
    await second.core.startDevices();
    expect(await second.call('staff.status')).toMatchObject({ ok: true, value: { terminal: { outOfOrder: true } } });
    expect(await second.call('session.start')).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(second.light().state).toBe('fault');
    await second.call('staff.unlock', { pin: staffPin });
    expect(await second.action('out-of-order-off')).toEqual({ ok: true, value: { status: 'done' } });
    expect(second.light().state).toBe('free');
    expect(await second.call('session.start')).toMatchObject({ ok: true, value: { state: 'active' } });
  });

  it('help during out of order: the light calls for help, then shows fault again', async () => {
    const { core, action, call, light } = await unlocked();
    await core.startDevices();
    await action('out-of-order-on');
    await call('help.request', { screen: 'attract', language: 'de' });
    expect(light().state).toBe('help-requested');
    expect(await action('resolve-help')).toEqual({ ok: true, value: { status: 'done' } });
    expect(light().state).toBe('fault');
  });

  it('acknowledges and resolves the help call; with no call there is nothing to do', async () => {
    const { core, action, call } = await unlocked();
    expect(await action('acknowledge-help')).toEqual({ ok: true, value: { status: 'failed', reason: 'nothing-to-do' } });
    core.session.start();
    await call('help.request', { screen: 'attract', language: 'de' });
    expect(await action('acknowledge-help')).toEqual({ ok: true, value: { status: 'done' } });
    expect(core.help.view().status).toBe('acknowledged');
    expect(await action('acknowledge-help')).toEqual({ ok: true, value: { status: 'failed', reason: 'nothing-to-do' } });
    expect(await action('resolve-help')).toEqual({ ok: true, value: { status: 'done' } });
    expect(core.help.view().status).toBe('clear');
    expect(await action('resolve-help')).toEqual({ ok: true, value: { status: 'failed', reason: 'nothing-to-do' } });
  });

  it('the light test shows every state for a moment, then the right one again', async () => {
    const { core, action, clock, light } = await unlocked();
    await core.startDevices();
    core.session.start();
    const before = light().history.length;
    expect(await action('test-light')).toEqual({ ok: true, value: { status: 'done' } });
    expect(await action('test-light')).toEqual({ ok: true, value: { status: 'done' } });
    clock.advance(1500 * 4);
    await flushPromises();
    expect(light().history.slice(before)).toEqual(['free', 'in-use', 'help-requested', 'fault', 'in-use']);
    const none = await unlocked({ light: false });
    expect(await none.action('test-light')).toEqual({ ok: true, value: { status: 'failed', reason: 'no-light' } });
  });

  it('reload-content: no pack, an invalid edit (the last good pack stays), a good one', async () => {
    let next: ContentStatus = { state: 'kept', version: '1', problems: [] };
    const content: ContentService = {
      current: () => null,
      status: () => next,
      reload: () => Promise.resolve(next),
      onChange: () => () => undefined,
      close: () => undefined,
    };
    const withPack = await unlocked({ content });
    expect(await withPack.action('reload-content')).toEqual({ ok: true, value: { status: 'failed', reason: 'content-invalid' } });
    next = { state: 'ok', version: '2', problems: [] };
    expect(await withPack.action('reload-content')).toEqual({ ok: true, value: { status: 'done' } });
    const without = await unlocked();
    expect(await without.action('reload-content')).toEqual({ ok: true, value: { status: 'failed', reason: 'no-content' } });
  });

  it('restart exits with the restart code, quit only when confirmed with 0, each after its audit line', async () => {
    const restart = await unlocked();
    expect(await restart.action('restart-app')).toEqual({ ok: true, value: { status: 'done' } });
    expect(restart.auditLines().at(-1)).toBe('restart-app:done');
    expect(restart.exits).toEqual([]);
    restart.clock.advance(300);
    expect(restart.exits).toEqual([restartExitCode]);

    const quit = await unlocked();
    expect(await quit.action('quit-app')).toEqual({ ok: true, value: { status: 'failed', reason: 'not-confirmed' } });
    expect(await quit.action('quit-app', false)).toEqual({ ok: true, value: { status: 'failed', reason: 'not-confirmed' } });
    quit.clock.advance(1000);
    expect(quit.exits).toEqual([]);
    expect(await quit.action('quit-app', true)).toEqual({ ok: true, value: { status: 'done' } });
    quit.clock.advance(300);
    expect(quit.exits).toEqual([0]);
    expect(quit.auditLines().slice(1)).toEqual(['quit-app:failed:not-confirmed', 'quit-app:failed:not-confirmed', 'quit-app:done']);

    const noHost = await unlocked({ exit: false });
    expect(await noHost.action('restart-app')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('counts sessions anonymously and shows the counts in assist mode; they are saved at shutdown', async () => {
    const { core, call, dataDir } = await unlocked();
    await call('session.start');
    await call('session.end');
    await confirmReset(core);
    const counters = await call('staff.counters');
    expect(counters).toMatchObject({ ok: true, value: { today: { 'sessions-started': 1, 'sessions-ended-end': 1 }, total: { 'sessions-started': 1 } } });
    await core.dispose();
    expect(JSON.parse(readFileSync(join(dataDir, 'stats', 'counters.json'), 'utf8'))).toMatchObject({
      total: { 'sessions-started': 1, 'sessions-ended-end': 1 },
    });
  });

  it('the PIN is in no file of the data folder and no log line, after all of it', async () => {
    const { core, call, action, dataDir, log, clock } = setup();
    await core.startDevices();
    for (let i = 0; i < 5; i++) await call('staff.unlock', { pin: wrongPin });
    clock.advance(30_000);
    await call('staff.unlock', { pin: staffPin });
    core.session.start();
    await action('out-of-order-on');
    await confirmReset(core);
    await action('out-of-order-off');
    await action('test-light');
    clock.advance(10_000);
    await core.dispose();
    const files = allFiles(dataDir);
    expect(files.map((file) => file.path).some((path) => path.endsWith('staff-audit.jsonl'))).toBe(true);
    for (const { path, content } of files) {
      expect(content, path).not.toContain(staffPin);
      expect(content, path).not.toContain(wrongPin);
    }
    expect(log.raw()).not.toContain(staffPin);
    expect(log.raw()).not.toContain(wrongPin);
  });
});
