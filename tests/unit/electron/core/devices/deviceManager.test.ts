import { describe, expect, it } from 'vitest';
import { Listeners, type DeviceDriver, type HealthReport } from '#core/devices/device';
import { DeviceManager } from '#core/devices/deviceManager';
import type { DeviceKind } from '#shared/devices/deviceHealth';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

/** A scripted driver: each connect() takes the next answer (the last one repeats). */
class ScriptedDriver implements DeviceDriver {
  readonly simulated = false;
  readonly health = new Listeners<HealthReport>();
  connects = 0;
  disconnects = 0;
  constructor(
    readonly id: string,
    readonly kind: DeviceKind,
    private readonly answers: (HealthReport | 'throw')[],
  ) {}
  connect(): Promise<HealthReport> {
    const answer = this.answers[Math.min(this.connects, this.answers.length - 1)] ?? { state: 'ready', reason: 'ok' };
    this.connects += 1;
    if (answer === 'throw') return Promise.reject(new Error('driver bug'));
    return Promise.resolve(answer);
  }
  disconnect(): Promise<void> {
    this.disconnects += 1;
    return Promise.resolve();
  }
  onHealth(listener: (report: HealthReport) => void): () => void {
    return this.health.add(listener);
  }
}

const ready: HealthReport = { state: 'ready', reason: 'ok' };
const notFound: HealthReport = { state: 'absent', reason: 'not-found' };

function setup(drivers: DeviceDriver[]) {
  const clock = new FakeClock();
  const log = captureLog();
  const manager = new DeviceManager({ clock, logger: log.logger }, { initialMs: 1000, maxMs: 8000 });
  for (const driver of drivers) manager.add(driver);
  const changes: string[][] = [];
  manager.onChange((all) => changes.push(all.map((h) => `${h.id}:${h.state}:${h.reason}`)));
  return { clock, manager, changes, log };
}

describe('DeviceManager', () => {
  it('starts with every device absent/connecting, then reports what connect() found', async () => {
    const printer = new ScriptedDriver('printer', 'printer', [ready]);
    const light = new ScriptedDriver('light', 'signalLight', [notFound]);
    const { manager } = setup([printer, light]);
    expect(manager.health().map((h) => h.reason)).toEqual(['connecting', 'connecting']);
    await manager.start();
    expect(manager.health()).toEqual([
      { id: 'printer', kind: 'printer', simulated: false, state: 'ready', reason: 'ok' },
      { id: 'light', kind: 'signalLight', simulated: false, state: 'absent', reason: 'not-found' },
    ]);
  });

  it('retries an absent device with exponential backoff up to the maximum, then finds it when plugged in', async () => {
    const light = new ScriptedDriver('light', 'signalLight', [notFound, notFound, notFound, notFound, notFound, ready]);
    const { clock, manager } = setup([light]);
    await manager.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const [delay] = clock.pendingDelays();
      if (delay === undefined) throw new Error('no retry scheduled');
      delays.push(delay);
      clock.advance(delay);
      await flushPromises();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(manager.health()[0]?.state).toBe('ready');
    expect(clock.pending()).toBe(0);
  });

  it('reconnects after an unplug reported by the driver, starting again from the shortest delay', async () => {
    const printer = new ScriptedDriver('printer', 'printer', [ready, ready]);
    const { clock, manager, changes } = setup([printer]);
    await manager.start();
    printer.health.emit({ state: 'absent', reason: 'unplugged' });
    expect(manager.health()[0]?.reason).toBe('unplugged');
    expect(clock.pendingDelays()).toEqual([1000]);
    clock.advance(1000);
    await flushPromises();
    expect(printer.connects).toBe(2);
    expect(manager.health()[0]?.state).toBe('ready');
    expect(changes.map((c) => c[0])).toEqual(['printer:ready:ok', 'printer:absent:unplugged', 'printer:ready:ok']);
  });

  it('does not retry states that reconnecting cannot fix (paper end, cover open)', async () => {
    const printer = new ScriptedDriver('printer', 'printer', [ready]);
    const { clock, manager } = setup([printer]);
    await manager.start();
    printer.health.emit({ state: 'fault', reason: 'paper-end' });
    printer.health.emit({ state: 'warning', reason: 'paper-near-end' });
    expect(clock.pending()).toBe(0);
    expect(manager.health()[0]).toMatchObject({ state: 'warning', reason: 'paper-near-end' });
  });

  it('turns a driver that throws into a fault and keeps going', async () => {
    const broken = new ScriptedDriver('reader', 'documentReader', ['throw', ready]);
    const { clock, manager, log } = setup([broken]);
    await expect(manager.start()).resolves.toBeUndefined();
    expect(manager.health()[0]).toMatchObject({ state: 'fault', reason: 'error' });
    clock.advance(1000);
    await flushPromises();
    expect(manager.health()[0]?.state).toBe('ready');
    expect(log.raw()).toContain('device-connect-threw');
  });

  it('only emits when something changed, and a failing listener does not stop the others', async () => {
    const printer = new ScriptedDriver('printer', 'printer', [ready]);
    const { manager, changes } = setup([printer]);
    const seen: number[] = [];
    manager.onChange(() => {
      throw new Error('listener bug');
    });
    manager.onChange((all) => seen.push(all.length));
    await manager.start();
    printer.health.emit(ready);
    printer.health.emit(ready);
    expect(changes).toHaveLength(1);
    expect(seen).toEqual([1]);
  });

  it('stop() disconnects every device and cancels pending retries', async () => {
    const light = new ScriptedDriver('light', 'signalLight', [notFound]);
    const printer = new ScriptedDriver('printer', 'printer', [ready]);
    const { clock, manager } = setup([light, printer]);
    await manager.start();
    expect(clock.pending()).toBe(1);
    await manager.stop();
    expect(clock.pending()).toBe(0);
    expect(light.disconnects + printer.disconnects).toBe(2);
    clock.advance(60_000);
    await flushPromises();
    expect(light.connects).toBe(1);
  });

  it('refuses two devices with the same id', () => {
    const { manager } = setup([new ScriptedDriver('x', 'printer', [ready])]);
    expect(() => {
      manager.add(new ScriptedDriver('x', 'printer', [ready]));
    }).toThrow(/twice/);
  });
});
