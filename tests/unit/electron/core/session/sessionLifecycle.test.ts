import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import { RendererResetParticipant } from '#core/session/rendererReset';
import { ResetCoordinator, type ResetParticipant } from '#core/session/resetCoordinator';
import { SessionLifecycle } from '#core/session/sessionLifecycle';
import { kioskConfigSchema, resolveConfig } from '#shared/config/kioskConfig';
import type { SessionSnapshot } from '#shared/session/sessionState';
import { sessionSnapshotSchema } from '#shared/session/sessionState';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const IDLE_MS = 90_000;
const WARNING_MS = 30_000;

function counterIds(): () => string {
  let n = 0;
  return () => `id-${String((n += 1))}`;
}

/** A lifecycle with only host-side participants (no renderer), for the pure state machine. */
function bareLifecycle(participants: ResetParticipant[] = [], timings = { idleTimeoutSeconds: 90, warningSeconds: 30 }) {
  const clock = new FakeClock();
  const log = captureLog();
  const resets = new ResetCoordinator(log.logger);
  for (const p of participants) resets.register(p);
  const session = new SessionLifecycle({ timings, clock, resets, logger: log.logger, newId: counterIds() });
  const seen: SessionSnapshot[] = [];
  session.onChange((s) => seen.push(s));
  return { clock, log, resets, session, seen };
}

let core: KioskCore | undefined;

function coreWith(opts: { idle?: number; warning?: number; reloadUi?: () => Promise<void> | void; uiResetTimeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const log = captureLog();
  const reloadUi = vi.fn(opts.reloadUi ?? (() => undefined));
  core = createKioskCore({
    config: testConfig({ idleTimeoutSeconds: opts.idle ?? 90, warningSeconds: opts.warning ?? 30 }),
    logger: log.logger,
    clock,
    reloadUi,
    uiResetTimeoutMs: opts.uiResetTimeoutMs ?? 5000,
  });
  const events: SessionSnapshot[] = [];
  core.onEvent((message) => {
    expect(message.event).toBe('session.changed');
    if (message.event === 'session.changed') events.push(message.payload);
  });
  return { core, clock, log, reloadUi, events };
}

afterEach(() => {
  void core?.dispose();
  core = undefined;
});

describe('SessionLifecycle state machine', () => {
  it('starts in attract with an empty snapshot', () => {
    const { session } = bareLifecycle();
    expect(session.snapshot()).toEqual({
      state: 'attract',
      sessionId: null,
      warningEndsAt: null,
      extensionsUsed: 0,
      resetId: null,
      lastEnd: null,
    });
  });

  it('goes attract → active on start, with a new session id and an armed idle timer', () => {
    const { session, clock } = bareLifecycle();
    const result = session.start();
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject({ state: 'active', sessionId: 'id-1', extensionsUsed: 0, warningEndsAt: null });
    expect(clock.pendingDelays()).toEqual([IDLE_MS]);
  });

  it('is idempotent while a session runs (start again keeps the same session)', () => {
    const { session, seen } = bareLifecycle();
    session.start();
    const again = session.start();
    expect(again.ok && again.value.sessionId).toBe('id-1');
    expect(seen).toHaveLength(1);
  });

  it('snapshot() returns a fresh object each time', () => {
    const { session } = bareLifecycle();
    const a = session.snapshot();
    a.extensionsUsed = 99;
    expect(session.snapshot().extensionsUsed).toBe(0);
    expect(session.snapshot()).not.toBe(session.snapshot());
  });

  it('enters idle-warning exactly at the idle timeout, with warningEndsAt = now + warning', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS - 1);
    expect(session.snapshot().state).toBe('active');
    clock.advance(1);
    const snap = session.snapshot();
    expect(snap.state).toBe('idle-warning');
    expect(snap.warningEndsAt).toBe(clock.now() + WARNING_MS);
    expect(sessionSnapshotSchema.safeParse(snap).success).toBe(true);
  });

  it('activity re-arms the idle timer', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS - 1000);
    session.activity();
    clock.advance(IDLE_MS - 1000);
    expect(session.snapshot().state).toBe('active');
    expect(clock.pending()).toBe(1);
    clock.advance(1000);
    expect(session.snapshot().state).toBe('idle-warning');
  });

  it('activity does nothing in attract or idle-warning', () => {
    const { session, clock, seen } = bareLifecycle();
    session.activity();
    expect(clock.pending()).toBe(0);
    session.start();
    clock.advance(IDLE_MS);
    const count = seen.length;
    session.activity();
    expect(session.snapshot().state).toBe('idle-warning');
    expect(seen).toHaveLength(count);
  });

  it('extend leaves the warning, counts the extension and starts a fresh idle period', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS);
    clock.advance(WARNING_MS - 1);
    const result = session.extend();
    expect(result.ok && result.value).toMatchObject({ state: 'active', extensionsUsed: 1, warningEndsAt: null });
    // The warning timer is gone: only the idle timer is pending.
    expect(clock.pendingDelays()).toEqual([IDLE_MS]);
    clock.advance(IDLE_MS - 1);
    expect(session.snapshot().state).toBe('active');
  });

  it('"more time" can be used 12 times in a row (WCAG 2.2.1 asks for at least 10)', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    for (let i = 1; i <= 12; i += 1) {
      clock.advance(IDLE_MS);
      expect(session.snapshot().state, `round ${String(i)}`).toBe('idle-warning');
      clock.advance(WARNING_MS - 1);
      const result = session.extend();
      expect(result.ok, `round ${String(i)}`).toBe(true);
      expect(session.snapshot()).toMatchObject({ state: 'active', extensionsUsed: i });
    }
    expect(session.snapshot().sessionId).toBe('id-1');
  });

  it('extend while active only re-arms the timer and does not count', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS - 1);
    const result = session.extend();
    expect(result.ok && result.value.extensionsUsed).toBe(0);
    clock.advance(IDLE_MS - 1);
    expect(session.snapshot().state).toBe('active');
  });

  it('extend in attract is invalid-state', () => {
    const { session } = bareLifecycle();
    const result = session.extend();
    expect(!result.ok && result.error.code).toBe('invalid-state');
    expect(session.snapshot().state).toBe('attract');
  });

  it('warning expiry resets with reason idle and comes back to attract', async () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS);
    clock.advance(WARNING_MS);
    await flushPromises();
    expect(session.snapshot()).toEqual({
      state: 'attract',
      sessionId: null,
      warningEndsAt: null,
      extensionsUsed: 0,
      resetId: null,
      lastEnd: { reason: 'idle', at: clock.now() },
    });
    expect(clock.pending()).toBe(0);
  });

  it('a new session after a reset gets a new id and starts counting extensions from 0', async () => {
    const { session, clock } = bareLifecycle();
    session.start();
    clock.advance(IDLE_MS);
    session.extend();
    await session.reset('end');
    const next = session.start();
    expect(next.ok && next.value).toMatchObject({ state: 'active', extensionsUsed: 0 });
    expect(next.ok && next.value.sessionId).not.toBe('id-1');
  });

  it('reset in attract is a no-op', async () => {
    const { session, seen, resets } = bareLifecycle();
    const run = vi.spyOn(resets, 'run');
    expect(await session.reset('staff')).toEqual({ ok: true, value: {} });
    expect(run).not.toHaveBeenCalled();
    expect(seen).toHaveLength(0);
  });

  it('runs every participant with the reset id and reason; a failing one does not stop the others', async () => {
    const calls: string[] = [];
    const good1: ResetParticipant = { name: 'good-1', reset: (ctx) => void calls.push(`good-1:${ctx.resetId}:${ctx.reason}`) };
    const throwsSync: ResetParticipant = {
      name: 'throws-sync',
      reset: () => {
        throw new Error('device gone');
      },
    };
    const rejects: ResetParticipant = { name: 'rejects', reset: () => Promise.reject(new Error('nope')) };
    const good2: ResetParticipant = {
      name: 'good-2',
      reset: async (ctx) => {
        await Promise.resolve();
        calls.push(`good-2:${ctx.resetId}:${ctx.reason}`);
      },
    };
    const { session, log } = bareLifecycle([good1, throwsSync, rejects, good2]);
    session.start();
    await session.reset('end');
    expect(calls).toEqual(['good-1:id-2:end', 'good-2:id-2:end']);
    expect(session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'end' } });
    const failed = log.entries().filter((e) => e.msg === 'reset participant failed');
    expect(failed.map((e) => e.participant).sort()).toEqual(['rejects', 'throws-sync']);
    const summary = log.entries().find((e) => e.msg === 'reset finished with failures');
    expect(summary?.failed).toEqual(['throws-sync', 'rejects']);
  });

  it('onChange listeners get every transition in order, and unsubscribe stops them', async () => {
    const { session, clock, seen } = bareLifecycle();
    const other: string[] = [];
    const off = session.onChange((s) => other.push(s.state));
    session.start();
    clock.advance(IDLE_MS);
    session.extend();
    clock.advance(IDLE_MS + WARNING_MS);
    await flushPromises();
    off();
    session.start();
    expect(seen.map((s) => s.state)).toEqual(['active', 'idle-warning', 'active', 'idle-warning', 'resetting', 'attract', 'active']);
    expect(other).toEqual(['active', 'idle-warning', 'active', 'idle-warning', 'resetting', 'attract']);
    for (const s of seen) expect(sessionSnapshotSchema.safeParse(s).success).toBe(true);
  });

  it('dispose stops the timers', () => {
    const { session, clock } = bareLifecycle();
    session.start();
    session.dispose();
    expect(clock.pending()).toBe(0);
  });
});

describe('ResetCoordinator', () => {
  it('refuses the same participant name twice and can unregister', () => {
    const resets = new ResetCoordinator(captureLog().logger);
    const off = resets.register({ name: 'a', reset: () => undefined });
    expect(() => resets.register({ name: 'a', reset: () => undefined })).toThrow(/twice/);
    expect(resets.names()).toEqual(['a']);
    off();
    expect(resets.names()).toEqual([]);
  });

  it('reports the failed participants', async () => {
    const resets = new ResetCoordinator(captureLog().logger);
    resets.register({ name: 'ok', reset: () => undefined });
    resets.register({ name: 'bad', reset: () => Promise.reject(new Error('x')) });
    expect(await resets.run('r-1', 'staff')).toEqual({ failed: ['bad'] });
  });
});

describe('RendererResetParticipant', () => {
  it('waits for the matching confirmation', async () => {
    const clock = new FakeClock();
    const onTimeout = vi.fn();
    const participant = new RendererResetParticipant(clock, 5000, onTimeout);
    let done = false;
    const running = Promise.resolve(participant.reset({ resetId: 'r-1' })).then(() => {
      done = true;
    });
    await flushPromises();
    expect(done).toBe(false);
    expect(participant.confirm('r-2')).toBe(false);
    expect(participant.confirm('r-1')).toBe(true);
    await running;
    expect(done).toBe(true);
    expect(participant.confirm('r-1')).toBe(false);
    expect(clock.pending()).toBe(0);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('calls onTimeout and finishes when the UI does not answer', async () => {
    const clock = new FakeClock();
    const onTimeout = vi.fn(() => Promise.resolve());
    const participant = new RendererResetParticipant(clock, 5000, onTimeout);
    let done = false;
    void Promise.resolve(participant.reset({ resetId: 'r-1' })).then(() => {
      done = true;
    });
    clock.advance(4999);
    await flushPromises();
    expect(onTimeout).not.toHaveBeenCalled();
    clock.advance(1);
    await flushPromises();
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(done).toBe(true);
    expect(participant.confirm('r-1')).toBe(false);
  });

  it('confirm without a reset in progress is false', () => {
    const participant = new RendererResetParticipant(new FakeClock(), 5000, () => undefined);
    expect(participant.confirm('anything')).toBe(false);
  });
});

describe('session lifecycle through the kiosk core', () => {
  it('idle expiry → resetting → renderer confirms → attract with lastEnd idle', async () => {
    const { core, clock, events, reloadUi } = coreWith();
    expect(core.resets.names()).toContain('renderer-stores');
    core.session.start();
    clock.advance(IDLE_MS);
    expect(events.at(-1)).toMatchObject({ state: 'idle-warning', warningEndsAt: clock.now() + WARNING_MS });
    clock.advance(WARNING_MS);
    await flushPromises();
    const resetting = core.session.snapshot();
    expect(resetting.state).toBe('resetting');
    expect(resetting.resetId).toMatch(/^[A-Za-z0-9-]{1,64}$/);
    expect(events.at(-1)).toEqual(resetting);
    // The UI confirms with the announced id.
    const confirmed = await core.router.handle('session.resetComplete', { resetId: resetting.resetId }, { trusted: true, description: 'test' });
    expect(confirmed).toEqual({ ok: true, value: {} });
    await flushPromises();
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', sessionId: null, resetId: null, lastEnd: { reason: 'idle', at: clock.now() } });
    expect(events.map((e) => e.state)).toEqual(['active', 'idle-warning', 'resetting', 'attract']);
    expect(reloadUi).not.toHaveBeenCalled();
  });

  it('end resets with reason end', async () => {
    const { core } = coreWith();
    core.session.start();
    await core.router.handle('session.end', {}, { trusted: true, description: 'test' });
    const { resetId } = core.session.snapshot();
    expect(core.session.snapshot().state).toBe('resetting');
    await core.router.handle('session.resetComplete', { resetId }, { trusted: true, description: 'test' });
    await flushPromises();
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'end' } });
  });

  it('a failing participant does not stop the renderer reset or the others', async () => {
    const { core } = coreWith();
    const other = vi.fn();
    core.resets.register({ name: 'broken-printer', reset: () => Promise.reject(new Error('jammed')) });
    core.resets.register({ name: 'clipboard', reset: other });
    core.session.start();
    const done = core.session.reset('staff');
    await flushPromises();
    expect(other).toHaveBeenCalledWith({ resetId: core.session.snapshot().resetId, reason: 'staff' });
    await core.router.handle('session.resetComplete', { resetId: core.session.snapshot().resetId }, { trusted: true, description: 'test' });
    expect(await done).toEqual({ ok: true, value: {} });
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'staff' } });
  });

  it('when the renderer does not confirm, the timeout reloads the UI and the session still reaches attract', async () => {
    const { core, clock, reloadUi, log } = coreWith({ uiResetTimeoutMs: 5000 });
    core.session.start();
    void core.session.reset('end');
    await flushPromises();
    clock.advance(4999);
    await flushPromises();
    expect(core.session.snapshot().state).toBe('resetting');
    expect(reloadUi).not.toHaveBeenCalled();
    clock.advance(1);
    await flushPromises();
    expect(reloadUi).toHaveBeenCalledTimes(1);
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'end' } });
    expect(log.entries().some((e) => e.event === 'ui-reset-timeout' && e.level === 40)).toBe(true);
  });

  it('when reloading the UI fails, the reset still completes without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const { core, clock } = coreWith({
        uiResetTimeoutMs: 5000,
        reloadUi: () => {
          throw new Error('Object has been destroyed');
        },
      });
      core.session.start();
      void core.session.reset('end');
      await flushPromises();
      clock.advance(5000);
      await flushPromises();
      expect(core.session.snapshot().state).toBe('attract');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('resetComplete with a wrong id is invalid-state and does not finish the reset', async () => {
    const { core } = coreWith();
    core.session.start();
    void core.session.reset('end');
    const result = await core.router.handle('session.resetComplete', { resetId: 'not-the-id' }, { trusted: true, description: 'test' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-state', detail: 'no such reset in progress' } });
    await flushPromises();
    expect(core.session.snapshot().state).toBe('resetting');
  });

  it('resetComplete with no reset in progress is invalid-state', async () => {
    const { core } = coreWith();
    const result = await core.router.handle('session.resetComplete', { resetId: 'abc' }, { trusted: true, description: 'test' });
    expect(!result.ok && result.error.code).toBe('invalid-state');
  });

  it('start, extend and a second reset during resetting do not disturb the reset', async () => {
    const { core, events } = coreWith();
    core.session.start();
    void core.session.reset('end');
    const start = core.session.start();
    expect(!start.ok && start.error.code).toBe('invalid-state');
    const extend = core.session.extend();
    expect(!extend.ok && extend.error.code).toBe('invalid-state');
    expect(await core.session.reset('staff')).toEqual({ ok: true, value: {} });
    core.session.activity();
    const resetId = core.session.snapshot().resetId;
    await core.router.handle('session.resetComplete', { resetId }, { trusted: true, description: 'test' });
    await flushPromises();
    expect(core.session.snapshot()).toMatchObject({ state: 'attract', lastEnd: { reason: 'end' } });
    expect(events.map((e) => e.state)).toEqual(['active', 'resetting', 'attract']);
  });

  it('extend in attract is invalid-state through IPC', async () => {
    const { core } = coreWith();
    const result = await core.router.handle('session.extend', {}, { trusted: true, description: 'test' });
    expect(!result.ok && result.error.code).toBe('invalid-state');
  });

  it('onEvent unsubscribe stops forwarding', () => {
    const { core } = coreWith();
    const sink = vi.fn();
    const off = core.onEvent(sink);
    core.session.start();
    off();
    core.session.activity();
    void core.session.reset('end');
    expect(sink).toHaveBeenCalledTimes(1);
  });
});

describe('timings come from the config', () => {
  function parseResolved(data: unknown) {
    const parsed = kioskConfigSchema.safeParse(data);
    if (!parsed.success) throw new Error(parsed.error.message);
    return resolveConfig(parsed.data);
  }
  const base = (role: 'info' | 'workstation') => ({
    formatVersion: 1,
    terminal: { id: 'term-1', name: 'T', role, site: 'S' },
    languages: { default: 'de', offered: ['de'] },
  });

  it.each([
    ['info', 90, 30],
    ['workstation', 180, 30],
  ] as const)('%s defaults: idle %i s + warning %i s when session is omitted', async (role, idle, warning) => {
    const config = parseResolved(base(role));
    expect(config.session).toEqual({ idleTimeoutSeconds: idle, warningSeconds: warning });
    const clock = new FakeClock();
    core = createKioskCore({ config, logger: captureLog().logger, clock, reloadUi: () => undefined });
    core.session.start();
    clock.advance(idle * 1000 - 1);
    expect(core.session.snapshot().state).toBe('active');
    clock.advance(1);
    expect(core.session.snapshot()).toMatchObject({ state: 'idle-warning', warningEndsAt: clock.now() + warning * 1000 });
    clock.advance(warning * 1000 - 1);
    await flushPromises();
    expect(core.session.snapshot().state).toBe('idle-warning');
    clock.advance(1);
    await flushPromises();
    expect(core.session.snapshot().state).toBe('resetting');
  });

  it('uses the configured timings', () => {
    const { core, clock } = coreWith({ idle: 5, warning: 20 });
    core.session.start();
    clock.advance(5000);
    expect(core.session.snapshot()).toMatchObject({ state: 'idle-warning', warningEndsAt: clock.now() + 20_000 });
  });
});

describe('reset coordinator timeout', () => {
  it('a participant that never finishes counts as failed after its timeout, and the reset still ends', async () => {
    const { ResetCoordinator } = await import('#core/session/resetCoordinator');
    const { FakeClock, flushPromises } = await import('#tests/unit/support/fakeClock');
    const { captureLog } = await import('#tests/unit/support/logCapture');
    const clock = new FakeClock();
    const log = captureLog();
    const coordinator = new ResetCoordinator(log.logger, clock, 10_000);
    const quick = vi.fn(() => Promise.resolve());
    coordinator.register({ name: 'hangs', reset: () => new Promise<void>(() => undefined) });
    coordinator.register({ name: 'quick', reset: quick });
    let report: { failed: readonly string[] } | undefined;
    void coordinator.run('r1', 'end').then((r) => (report = r));
    await flushPromises();
    expect(report).toBeUndefined();
    clock.advance(10_000);
    await flushPromises();
    expect(report?.failed).toEqual(['hangs']);
    expect(quick).toHaveBeenCalledTimes(1);
    expect(log.raw()).toContain('did not finish');
  });
});
