import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignalLightControl } from '#core/devices/signalLight/lightState';
import { SimulatedSignalLight } from '#core/devices/signalLight/simulatedSignalLight';
import { HelpOutbox } from '#core/help/helpOutbox';
import { HelpService, type HelpServiceOptions } from '#core/help/helpService';
import { ResetCoordinator } from '#core/session/resetCoordinator';
import { SessionLifecycle } from '#core/session/sessionLifecycle';
import { resolveHelpConfig, type HelpChannelConfig, type HelpConfig } from '#shared/config/helpConfig';
import type { HelpView } from '#shared/contract/helpContract';
import { helpEventSchema, type HelpEvent } from '#shared/help/helpEvent';
import type { ResetReason } from '#shared/session/sessionState';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog, type LogCapture } from '#tests/unit/support/logCapture';
import { FakeChannel } from './helpFakes';

const secret = '0123456789abcdef0123456789abcdef';
const location = 'Foyer, links neben dem Eingang';
const terminal = { id: 'info-1', name: 'Infoterminal Foyer', site: 'Bürgerservice Jena' };
const context = { screen: 'info-search', language: 'ar' } as const;

function webhook(name: string, when: HelpChannelConfig['when']): HelpChannelConfig {
  return { kind: 'webhook', name, url: 'https://staff.jena.de/kiosk-help', secret, timeoutSeconds: 10, when, acknowledgeUrl: null };
}

/** An outbox double: records what was enqueued and for which of the configured channels. */
class RecordingOutbox {
  readonly enqueued: { event: HelpEvent; channels: string[] }[] = [];
  started = 0;
  stopped = 0;
  constructor(private readonly names: readonly string[]) {}
  start() {
    this.started += 1;
    return Promise.resolve({ ok: true as const, value: undefined });
  }
  stop() {
    this.stopped += 1;
    return Promise.resolve();
  }
  enqueue(event: HelpEvent, channels?: (name: string) => boolean) {
    this.enqueued.push({ event, channels: this.names.filter((name) => channels?.(name) ?? true) });
    return Promise.resolve({ ok: true as const, value: undefined });
  }
  types(): string[] {
    return this.enqueued.map((e) => e.event.type);
  }
}

let clock: FakeClock;
let log: LogCapture;
let root = '';

beforeEach(() => {
  // 09:15 in Jena (winter time).
  clock = new FakeClock(Date.parse('2026-03-17T08:15:00Z'));
  log = captureLog();
  root = mkdtempSync(join(tmpdir(), 'help-service-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function setup(help: Partial<HelpConfig> = {}, outboxOverride?: HelpServiceOptions['outbox']) {
  const config: HelpConfig = { ...resolveHelpConfig(undefined), location, channels: [webhook('webhook-1', 'always')], ...help };
  const outbox = new RecordingOutbox(config.channels.map((c) => c.name));
  const resets = new ResetCoordinator(log.logger, clock);
  const session = new SessionLifecycle({ timings: { idleTimeoutSeconds: 90, warningSeconds: 30 }, clock, resets, logger: log.logger });
  const light = new SimulatedSignalLight({ id: 'light' });
  const control = new SignalLightControl(light, log.logger);
  session.onChange((snapshot) => {
    void control.update({ session: snapshot.state });
  });
  const activeSession = (): string | null => {
    const s = session.snapshot();
    return s.state === 'active' || s.state === 'idle-warning' ? s.sessionId : null;
  };
  const service = new HelpService({
    terminal,
    help: config,
    outbox: outboxOverride === undefined ? outbox : outboxOverride,
    light: control,
    sessionId: activeSession,
    logger: log.logger,
    clock,
  });
  resets.register(service.resetParticipant());
  const views: HelpView[] = [];
  service.onChange((view) => views.push(view));
  const reset = async (reason: ResetReason) => {
    await session.reset(reason);
    await flushPromises();
  };
  return { service, outbox, session, light, views, reset, config };
}

function value(result: { ok: boolean; value?: HelpView }): HelpView {
  if (!result.ok || result.value === undefined) throw new Error('expected ok');
  return result.value;
}

describe('help service: transitions', () => {
  it('request opens a call: the view, the listener, the light and a complete event without personal data', async () => {
    const { service, outbox, light, views } = setup();
    const view = value(await service.request(context));
    expect(view.callId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(view).toEqual({ status: 'requested', callId: view.callId, escalated: false, requestedAt: clock.now() });
    expect(service.view()).toEqual(view);
    expect(views).toEqual([view]);
    expect(light.state).toBe('help-requested');
    expect(outbox.enqueued).toHaveLength(1);
    const event = outbox.enqueued[0]?.event;
    expect(helpEventSchema.safeParse(event).success).toBe(true);
    expect(event?.eventId).not.toBe(view.callId);
    expect(event).toEqual({
      version: 1,
      eventId: event?.eventId,
      callId: view.callId,
      type: 'requested',
      at: '2026-03-17T09:15:00.000+01:00',
      terminal,
      location,
      screen: 'info-search',
      language: 'ar',
    });
    // Only the schema's fields: nothing about the person can ride along.
    expect(Object.keys(event ?? {}).sort()).toEqual(['at', 'callId', 'eventId', 'language', 'location', 'screen', 'terminal', 'type', 'version']);
  });

  it('the call is on disk before anyone is told: neither the screen nor the light hears of it before the outbox has it', async () => {
    let release: () => void = () => undefined;
    const written = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowDisk: HelpServiceOptions['outbox'] = {
      start: () => Promise.resolve({ ok: true as const, value: undefined }),
      stop: () => Promise.resolve(),
      enqueue: async () => {
        await written;
        return { ok: true as const, value: undefined };
      },
    };
    const { service, light, views } = setup({}, slowDisk);
    const request = service.request(context);
    await flushPromises();
    expect(views).toEqual([]);
    expect(light.state).not.toBe('help-requested');
    release();
    const view = value(await request);
    expect(views).toEqual([view]);
    await flushPromises();
    expect(light.state).toBe('help-requested');
  });

  it('a second request while a call is open changes nothing', async () => {
    const { service, outbox, views } = setup();
    const first = value(await service.request(context));
    const second = value(await service.request({ screen: 'home', language: 'de' }));
    expect(second).toEqual(first);
    expect(outbox.types()).toEqual(['requested']);
    expect(views).toHaveLength(1);
  });

  it('acknowledge, then resolve: each an event with the same call id and a fresh event id; the light goes back to free', async () => {
    const { service, outbox, light, views } = setup();
    const { callId } = value(await service.request(context));
    clock.advance(20_000);
    const acknowledged = value(await service.acknowledge());
    expect(acknowledged).toMatchObject({ status: 'acknowledged', callId, escalated: false });
    expect(light.state).toBe('help-requested');
    // Acknowledging again is no news.
    value(await service.acknowledge(callId ?? undefined));
    clock.advance(60_000);
    expect(value(await service.resolve(callId ?? undefined))).toEqual({ status: 'clear', callId: null, escalated: false, requestedAt: null });
    expect(light.state).toBe('free');
    expect(outbox.types()).toEqual(['requested', 'acknowledged', 'resolved']);
    expect(new Set(outbox.enqueued.map((e) => e.event.callId))).toEqual(new Set([callId]));
    expect(new Set(outbox.enqueued.map((e) => e.event.eventId)).size).toBe(3);
    expect(outbox.enqueued.map((e) => e.event.at)).toEqual(['2026-03-17T09:15:00.000+01:00', '2026-03-17T09:15:20.000+01:00', '2026-03-17T09:16:20.000+01:00']);
    expect(views.map((v) => v.status)).toEqual(['requested', 'acknowledged', 'clear']);
  });

  it('cancel closes the call; cancelling with no call open answers the clear view without an event', async () => {
    const { service, outbox } = setup();
    expect(value(await service.cancel()).status).toBe('clear');
    await service.request(context);
    expect(value(await service.cancel()).status).toBe('clear');
    expect(value(await service.cancel()).status).toBe('clear');
    expect(outbox.types()).toEqual(['requested', 'cancelled']);
    // The closing event carries the call's context too.
    expect(outbox.enqueued[1]?.event).toMatchObject({ screen: 'info-search', language: 'ar' });
  });

  it('refuses to acknowledge or resolve without an open call, or for another call id', async () => {
    const { service, outbox } = setup();
    expect(await service.acknowledge()).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await service.resolve()).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const open = value(await service.request(context));
    const other = '00000000-0000-4000-8000-000000000000';
    expect(await service.acknowledge(other)).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await service.resolve(other)).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(service.view()).toEqual(open);
    expect(outbox.types()).toEqual(['requested']);
  });
});

describe('help service: escalation', () => {
  it('escalates after the configured time, once, and only while nobody acknowledged', async () => {
    const { service, outbox, views } = setup({ escalateAfterSeconds: 60 });
    await service.request(context);
    clock.advance(59_999);
    await flushPromises();
    expect(outbox.types()).toEqual(['requested']);
    clock.advance(1);
    await flushPromises();
    expect(outbox.types()).toEqual(['requested', 'escalated']);
    expect(service.view()).toMatchObject({ status: 'requested', escalated: true });
    expect(views.at(-1)).toMatchObject({ escalated: true });
    clock.advance(10 * 60_000);
    await flushPromises();
    expect(outbox.types()).toEqual(['requested', 'escalated']);
    expect(clock.pending()).toBe(0);
    // Acknowledged after the escalation: still escalated, no new timer.
    expect(value(await service.acknowledge())).toMatchObject({ status: 'acknowledged', escalated: true });
    expect(clock.pending()).toBe(0);
  });

  it('does not escalate an acknowledged, cancelled or resolved call', async () => {
    const { service, outbox } = setup({ escalateAfterSeconds: 60 });
    await service.request(context);
    await service.acknowledge();
    clock.advance(120_000);
    await service.resolve();
    await service.request(context);
    await service.cancel();
    clock.advance(120_000);
    await flushPromises();
    expect(outbox.types()).toEqual(['requested', 'acknowledged', 'resolved', 'requested', 'cancelled']);
    expect(clock.pending()).toBe(0);
  });

  it('a new call gets its own full escalation time', async () => {
    const { service, outbox } = setup({ escalateAfterSeconds: 60 });
    await service.request(context);
    clock.advance(50_000);
    await service.cancel();
    await service.request(context);
    clock.advance(50_000);
    await flushPromises();
    expect(outbox.types()).toEqual(['requested', 'cancelled', 'requested']);
    clock.advance(10_000);
    await flushPromises();
    expect(outbox.types().at(-1)).toBe('escalated');
  });

  it('escalation channels hear of a call only from its escalation on', async () => {
    const channels = [webhook('webhook-1', 'always'), webhook('webhook-2', 'escalation')];
    const { service, outbox } = setup({ escalateAfterSeconds: 60, channels });
    // A call that is answered in time never reaches the escalation channel.
    await service.request(context);
    await service.acknowledge();
    await service.resolve();
    // One that escalates: from then on both channels.
    await service.request(context);
    clock.advance(60_000);
    await flushPromises();
    await service.acknowledge();
    await service.cancel();
    expect(outbox.enqueued.map((e) => `${e.event.type}:${e.channels.join('+')}`)).toEqual([
      'requested:webhook-1',
      'acknowledged:webhook-1',
      'resolved:webhook-1',
      'requested:webhook-1',
      'escalated:webhook-1+webhook-2',
      'acknowledged:webhook-1+webhook-2',
      'cancelled:webhook-1+webhook-2',
    ]);
  });

  it('the escalation filter reaches the real outbox file', async () => {
    const channels = [webhook('webhook-1', 'always'), webhook('webhook-2', 'escalation')];
    const outbox = new HelpOutbox({
      dir: join(root, 'help'),
      channels: [new FakeChannel('webhook-1'), new FakeChannel('webhook-2')],
      logger: log.logger,
      clock,
    });
    const { service } = setup({ escalateAfterSeconds: 60, channels }, outbox);
    await service.request(context);
    clock.advance(60_000);
    await flushPromises();
    await service.stop();
    expect(outbox.pending().map((d) => `${d.event.type}:${d.channel}`)).toEqual(['requested:webhook-1', 'escalated:webhook-1', 'escalated:webhook-2']);
  });
});

describe('help service: alerts (the PIN pad locked)', () => {
  it('an alert is one "requested" event of its own, with the screen id, for the channels a new call goes to', async () => {
    const channels = [webhook('webhook-1', 'always'), webhook('webhook-2', 'escalation')];
    const { service, outbox, light, views } = setup({ channels });
    expect(await service.alert({ screen: 'staff-pin-locked', language: 'de' })).toEqual({ ok: true, value: undefined });
    expect(outbox.enqueued).toHaveLength(1);
    const [{ event, channels: to } = { event: undefined, channels: [] }] = outbox.enqueued;
    expect(helpEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({ type: 'requested', screen: 'staff-pin-locked', language: 'de', terminal, location });
    expect(to).toEqual(['webhook-1']);
    // Not the terminal's call: the view, the light and the listeners know nothing of it.
    expect(service.view().status).toBe('clear');
    expect(views).toEqual([]);
    expect(light.state).not.toBe('help-requested');
  });

  it('an alert neither touches an open call nor is swallowed by it; each has its own call id', async () => {
    const { service, outbox } = setup();
    const call = value(await service.request(context));
    await service.alert({ screen: 'staff-pin-locked-permanently', language: 'de' });
    await service.alert({ screen: 'staff-pin-locked-permanently', language: 'de' });
    expect(service.view()).toEqual(call);
    const ids = outbox.enqueued.map((e) => e.event.callId);
    expect(ids[0]).toBe(call.callId);
    expect(new Set(ids).size).toBe(3);
    expect(outbox.enqueued.map((e) => e.event.screen)).toEqual(['info-search', 'staff-pin-locked-permanently', 'staff-pin-locked-permanently']);
  });

  it('without an outbox an alert reaches nobody and says so', async () => {
    const { service } = setup({}, null);
    expect(await service.alert({ screen: 'staff-pin-locked', language: 'de' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('reaches the real outbox file', async () => {
    const outbox = new HelpOutbox({ dir: join(root, 'help'), channels: [new FakeChannel('webhook-1')], logger: log.logger, clock });
    const { service } = setup({}, outbox);
    await service.alert({ screen: 'staff-pin-locked', language: 'de' });
    await service.stop();
    expect(outbox.pending().map((d) => `${d.event.type}:${d.event.screen}:${d.channel}`)).toEqual(['requested:staff-pin-locked:webhook-1']);
  });
});

describe('help service: sessions', () => {
  it.each(['end', 'idle', 'trigger'] as const)('a %s reset cancels a call made in that session (the person left)', async (reason) => {
    const { service, outbox, session, light, reset } = setup();
    session.start();
    expect(light.state).toBe('in-use');
    await service.request(context);
    expect(light.state).toBe('help-requested');
    await reset(reason);
    expect(service.view().status).toBe('clear');
    expect(outbox.types()).toEqual(['requested', 'cancelled']);
    expect(light.state).toBe('free');
  });

  it('a staff reset resolves the call, also an acknowledged one', async () => {
    const { service, outbox, session, reset } = setup();
    session.start();
    await service.request(context);
    await service.acknowledge();
    await reset('staff');
    expect(service.view().status).toBe('clear');
    expect(outbox.types()).toEqual(['requested', 'acknowledged', 'resolved']);
  });

  it('a call from the attract screen outlives a session start and that session end; a staff reset resolves it', async () => {
    const { service, outbox, session, light, reset } = setup();
    const open = value(await service.request(context));
    expect(light.state).toBe('help-requested');
    session.start();
    expect(service.view()).toEqual(open);
    expect(light.state).toBe('help-requested');
    await reset('end');
    expect(service.view()).toEqual(open);
    session.start();
    await reset('staff');
    expect(service.view().status).toBe('clear');
    expect(outbox.types()).toEqual(['requested', 'resolved']);
  });

  it('after a resolved call in a session the light shows in use again', async () => {
    const { service, session, light } = setup();
    session.start();
    await service.request(context);
    await service.resolve();
    expect(light.state).toBe('in-use');
  });

  it('a reset with no call open changes nothing', async () => {
    const { outbox, session, reset } = setup();
    session.start();
    await reset('staff');
    expect(outbox.enqueued).toEqual([]);
  });
});

describe('help service: lifecycle and logs', () => {
  it('starts and stops the outbox; stop ends the escalation timer', async () => {
    const { service, outbox } = setup();
    await service.start();
    await service.request(context);
    expect(clock.pending()).toBe(1);
    await service.stop();
    expect(clock.pending()).toBe(0);
    expect({ started: outbox.started, stopped: outbox.stopped }).toEqual({ started: 1, stopped: 1 });
  });

  it('without an outbox it still drives the view and the light, and says calls stay local', async () => {
    const { service, light } = setup({}, null);
    expect(log.entries().find((e) => e.event === 'help-local-only')?.level).toBe(40);
    expect(value(await service.request(context)).status).toBe('requested');
    expect(light.state).toBe('help-requested');
    await service.resolve();
    await service.start();
    await service.stop();
    expect(light.state).toBe('free');
  });

  it('logs each change by type and call id, without the call content', async () => {
    const { service } = setup();
    const { callId } = value(await service.request(context));
    await service.cancel();
    const entries = log.entries().filter((e) => e.event === 'help-call');
    expect(entries.map((e) => [e.type, e.callId])).toEqual([
      ['requested', callId],
      ['cancelled', callId],
    ]);
    expect(log.raw()).not.toContain(location);
    expect(log.raw()).not.toContain('info-search');
  });
});
