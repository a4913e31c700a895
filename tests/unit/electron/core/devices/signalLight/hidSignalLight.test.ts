import { describe, expect, it } from 'vitest';
import type { HealthReport } from '#core/devices/device';
import { HidSignalLight, type HidLightConfig } from '#core/devices/signalLight/hidSignalLight';
import type { LightState } from '#core/devices/signalLight/signalLightDriver';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { HidAccessDouble, lightDeps } from './hidDouble';

const BUSYLIGHT_OMEGA = [0x27bb, 0x3bcd] as const;
const LUXAFOR_FLAG = [0x04d8, 0xf372] as const;
const BLINK1 = [0x27b8, 0x01ed] as const;

/**
 * A Busylight packet written out by hand: report id 0, step 0, zero steps 1..6, footer with
 * 0xFF pad in bytes 59..61 and the big-endian checksum given (worked out by hand from the spec).
 */
function busylightPacket(step0: number[], checksum: number): number[] {
  const report = new Array<number>(64).fill(0);
  step0.forEach((byte, i) => {
    report[i] = byte;
  });
  report[59] = 0xff;
  report[60] = 0xff;
  report[61] = 0xff;
  report[62] = checksum >> 8;
  report[63] = checksum & 0xff;
  return [0x00, ...report];
}

// Colours in PWM 0..100: green 100, blue 100, amber 255/150/0 -> 100/59/0, red 100.
// Checksums: 0x10 + intensities + 3 × 0xFF, e.g. green 16 + 100 + 765 = 881 = 0x0371.
const busylightExpected: Record<LightState | 'off', number[]> = {
  free: busylightPacket([0x10, 0, 0, 100, 0, 0, 0, 0], 0x0371),
  'in-use': busylightPacket([0x10, 0, 0, 0, 100, 0, 0, 0], 0x0371),
  'help-requested': busylightPacket([0x10, 0, 100, 59, 0, 0, 0, 0], 0x03ac),
  fault: busylightPacket([0x10, 0, 100, 0, 0, 0, 0, 0], 0x0371),
  off: busylightPacket([0x10, 0, 0, 0, 0, 0, 0, 0], 0x030d),
};
const busylightKeepalive = busylightPacket([0x8f], 0x038c);

const luxaforExpected: Record<LightState | 'off', number[]> = {
  free: [0x00, 0x01, 0xff, 0, 255, 0, 0, 0, 0],
  'in-use': [0x00, 0x01, 0xff, 0, 0, 255, 0, 0, 0],
  'help-requested': [0x00, 0x01, 0xff, 255, 150, 0, 0, 0, 0],
  fault: [0x00, 0x01, 0xff, 255, 0, 0, 0, 0, 0],
  off: [0x00, 0x01, 0xff, 0, 0, 0, 0, 0, 0],
};

// 'c' = 0x63; fade 100 ms = 10 ticks of 10 ms -> th 0, tl 10; ledn 0 = all; 9 bytes in all.
const blink1Expected: Record<LightState | 'off', number[]> = {
  free: [0x01, 0x63, 0, 255, 0, 0x00, 0x0a, 0x00, 0x00],
  'in-use': [0x01, 0x63, 0, 0, 255, 0x00, 0x0a, 0x00, 0x00],
  'help-requested': [0x01, 0x63, 255, 150, 0, 0x00, 0x0a, 0x00, 0x00],
  fault: [0x01, 0x63, 255, 0, 0, 0x00, 0x0a, 0x00, 0x00],
  off: [0x01, 0x63, 0, 0, 0, 0x00, 0x0a, 0x00, 0x00],
};

function setup(config: Partial<HidLightConfig> = {}) {
  const clock = new FakeClock();
  const hid = new HidAccessDouble(clock);
  const { deps, log } = lightDeps(clock, hid);
  const light = new HidSignalLight({ id: 'light', kind: 'signalLight', driver: 'hid-light', ...config }, deps);
  const reports: HealthReport[] = [];
  light.onHealth((report) => reports.push(report));
  return { clock, hid, light, log, reports };
}

function isKeepalive(bytes: readonly number[]): boolean {
  return bytes.length === 65 && bytes[1] === 0x8f;
}

describe('HidSignalLight report bytes', () => {
  const states: LightState[] = ['free', 'in-use', 'help-requested', 'fault'];

  it('writes the documented Busylight output reports (65 bytes: report id 0 + 64) for every state', async () => {
    const { hid, light } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    expect(await light.connect()).toEqual({ state: 'ready', reason: 'ok' });
    for (const state of states) {
      await light.show(state);
      expect(device.last()).toMatchObject({ kind: 'output', bytes: busylightExpected[state] });
    }
    expect(device.features()).toEqual([]);
    await light.disconnect();
    expect(device.last()?.bytes).toEqual(busylightExpected.off);
  });

  it('writes the documented Luxafor Flag output reports for every state', async () => {
    const { hid, light } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    for (const state of states) {
      await light.show(state);
      expect(device.last()).toMatchObject({ kind: 'output', bytes: luxaforExpected[state] });
    }
    await light.disconnect();
    expect(device.last()?.bytes).toEqual(luxaforExpected.off);
  });

  it('sends the documented blink(1) fade-to-RGB feature reports for every state', async () => {
    const { hid, light } = setup();
    const device = hid.plug(...BLINK1);
    await light.connect();
    for (const state of states) {
      await light.show(state);
      expect(device.last()).toMatchObject({ kind: 'feature', bytes: blink1Expected[state] });
    }
    expect(device.writes()).toEqual([]);
    await light.disconnect();
    expect(device.last()?.bytes).toEqual(blink1Expected.off);
  });

  it('shows "free" on connect when nothing was asked for yet', async () => {
    const { hid, light } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    expect(light.state).toBe('free');
    expect(device.writes()).toEqual([luxaforExpected.free]);
  });
});

describe('HidSignalLight Busylight keepalive', () => {
  it('sends a keepalive well inside every 15 s over a long run, and none after disconnect', async () => {
    const { clock, hid, light } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    const start = clock.now();
    await light.connect();
    await light.show('in-use');
    for (let i = 0; i < 600; i += 1) {
      clock.advance(1000);
      await flushPromises();
    }
    const keepalives = device.sent.filter((r) => isKeepalive(r.bytes));
    for (const report of keepalives) expect(report.bytes).toEqual(busylightKeepalive);
    const times = [start, ...keepalives.map((r) => r.at), clock.now()];
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
    expect(keepalives.length).toBeGreaterThanOrEqual(59);

    await light.disconnect();
    const count = device.sent.length;
    clock.advance(60_000);
    await flushPromises();
    expect(device.sent.length).toBe(count);
    expect(clock.pending()).toBe(0);
    expect(device.closed).toBe(true);
  });

  it('stops the keepalive when the light is unplugged', async () => {
    const { clock, hid, light } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    clock.advance(25_000);
    await flushPromises();
    expect(device.sent.filter((r) => isKeepalive(r.bytes))).toHaveLength(2);

    device.unplug();
    const count = device.sent.length;
    clock.advance(60_000);
    await flushPromises();
    expect(device.sent.length).toBe(count);
    expect(clock.pending()).toBe(0);
  });

  it('sends no keepalive to lights that do not need one', async () => {
    const { clock, hid, light } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    clock.advance(120_000);
    await flushPromises();
    expect(device.writes()).toEqual([luxaforExpected.free]);
    expect(clock.pending()).toBe(0);
  });
});

describe('HidSignalLight blinking', () => {
  it('blinks help-requested on and off at 1 Hz and stops when another state is shown', async () => {
    const { clock, hid, light } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    await light.show('help-requested');
    const from = device.sent.length - 1;
    for (let i = 0; i < 8; i += 1) {
      clock.advance(500);
      await flushPromises();
    }
    const blink = device.sent.slice(from);
    const amber = luxaforExpected['help-requested'];
    const off = luxaforExpected.off;
    expect(blink.map((r) => r.bytes)).toEqual([amber, off, amber, off, amber, off, amber, off, amber]);
    const first = blink[0]?.at ?? 0;
    expect(blink.map((r) => r.at - first)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);

    await light.show('free');
    const count = device.sent.length;
    clock.advance(5000);
    await flushPromises();
    expect(device.sent.length).toBe(count);
    expect(device.last()?.bytes).toEqual(luxaforExpected.free);
  });

  it('keeps blinking on a Busylight alongside the keepalive', async () => {
    const { clock, hid, light } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    await light.show('help-requested');
    clock.advance(10_000);
    await flushPromises();
    const colours = device.sent.filter((r) => !isKeepalive(r.bytes)).map((r) => r.bytes);
    expect(colours.filter((b) => b.join() === busylightExpected['help-requested'].join()).length).toBeGreaterThanOrEqual(10);
    expect(colours.filter((b) => b.join() === busylightExpected.off.join()).length).toBeGreaterThanOrEqual(10);
    expect(device.sent.some((r) => isKeepalive(r.bytes))).toBe(true);
  });
});

describe('HidSignalLight unplug and replug', () => {
  it('reports absent/unplugged on the device error event and stops its timers', async () => {
    const { clock, hid, light, reports } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    await light.show('help-requested');
    // node-hid reads, and so notices an unplug, only while a data listener is attached.
    expect(device.listenerCount('data')).toBeGreaterThan(0);

    device.unplug();
    expect(reports).toEqual([{ state: 'absent', reason: 'unplugged' }]);
    expect(clock.pending()).toBe(0);
    expect(device.closed).toBe(true);
    // A late second error or stray data from the dead device must not crash anything.
    expect(() => {
      device.unplug();
      device.emit('data', Buffer.from([1, 2, 3]));
    }).not.toThrow();
    await expect(light.show('fault')).resolves.toBeUndefined();
    expect(light.state).toBe('fault');
  });

  it('comes back ready on a later connect with a fresh device and shows the remembered state', async () => {
    const { clock, hid, light, reports } = setup();
    const first = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    await light.show('in-use');
    first.unplug();
    hid.unplugAll();
    expect(await light.connect()).toEqual({ state: 'absent', reason: 'not-found' });

    await light.show('help-requested');
    const second = hid.plug(...BUSYLIGHT_OMEGA);
    expect(await light.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(second.sent[0]?.bytes).toEqual(busylightExpected['help-requested']);
    clock.advance(10_000);
    await flushPromises();
    expect(second.sent.some((r) => isKeepalive(r.bytes))).toBe(true);
    expect(second.sent.some((r) => r.bytes.join() === busylightExpected.off.join())).toBe(true);
    expect(first.sent.length).toBe(2);
    expect(reports).toEqual([{ state: 'absent', reason: 'unplugged' }]);
  });

  it('a second connect while connected reopens cleanly without leaking timers', async () => {
    const { clock, hid, light } = setup();
    const first = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    const second = hid.plug(...BUSYLIGHT_OMEGA);
    expect(await light.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(hid.opened).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect(second.writes()).toEqual([busylightExpected.free]);
    expect(clock.pendingDelays()).toEqual([10_000]);
  });
});

describe('HidSignalLight device selection', () => {
  it('opens the configured vendor/product id when two lights are attached', async () => {
    const { hid, light } = setup({ vendorId: BLINK1[0], productId: BLINK1[1] });
    const luxafor = hid.plug(...LUXAFOR_FLAG);
    const blink1 = hid.plug(...BLINK1);
    await light.connect();
    expect(blink1.features()).toEqual([blink1Expected.free]);
    expect(luxafor.sent).toEqual([]);
  });

  it('picks the first known light when none is configured, skipping other HID devices', async () => {
    const { hid, light } = setup();
    const keyboard = hid.plug(0x046d, 0xc31c);
    const luxafor = hid.plug(...LUXAFOR_FLAG);
    const blink1 = hid.plug(...BLINK1);
    await light.connect();
    expect(hid.opened).toEqual(['/dev/hidraw-4d8-f372']);
    expect(luxafor.writes()).toEqual([luxaforExpected.free]);
    expect(blink1.sent).toEqual([]);
    expect(keyboard.sent).toEqual([]);
  });

  it('tells two lights of the same vendor apart by product id', async () => {
    const { hid, light } = setup({ vendorId: 0x27bb, productId: 0x3bcf });
    const alpha = hid.plug(0x27bb, 0x3bca);
    const omega = hid.plug(0x27bb, 0x3bcf);
    await light.connect();
    expect(omega.writes()).toEqual([busylightExpected.free]);
    expect(alpha.sent).toEqual([]);
  });

  it('matches a configured vendor id alone', async () => {
    const { hid, light } = setup({ vendorId: BUSYLIGHT_OMEGA[0] });
    hid.plug(...LUXAFOR_FLAG);
    const busylight = hid.plug(0x27bb, 0x3bca);
    await light.connect();
    expect(busylight.writes()).toEqual([busylightExpected.free]);
  });

  it('is absent/not-found when no HID device is attached', async () => {
    const { hid, light } = setup();
    expect(await light.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    expect(hid.opened).toEqual([]);
  });

  it('is absent/not-found when only unknown devices are attached', async () => {
    const { hid, light } = setup();
    hid.plug(0x046d, 0xc31c);
    hid.plug(0x27bb, 0x3bcc); // the Kuando Box shares the vendor but is no light
    expect(await light.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    expect(hid.opened).toEqual([]);
  });

  it('is absent/not-found when the configured light is not attached, even if another is', async () => {
    const { hid, light } = setup({ vendorId: BLINK1[0], productId: BLINK1[1] });
    const luxafor = hid.plug(...LUXAFOR_FLAG);
    expect(await light.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    expect(luxafor.sent).toEqual([]);
  });

  it('is absent/not-found when listing devices fails', async () => {
    const { hid, light } = setup();
    hid.list = () => Promise.reject(new Error('no hidraw'));
    expect(await light.connect()).toEqual({ state: 'absent', reason: 'not-found' });
  });
});

describe('HidSignalLight failures never throw', () => {
  it('reports fault with a reason when the light cannot be opened', async () => {
    const { hid, light } = setup();
    hid.plug(...LUXAFOR_FLAG);
    hid.openError = 'cannot open device with path /dev/hidraw3';
    expect(await light.connect()).toEqual({ state: 'fault', reason: 'error' });
    hid.openError = 'EACCES: permission denied, open /dev/hidraw3';
    expect(await light.connect()).toEqual({ state: 'fault', reason: 'permission-denied' });
  });

  it('reports fault/write-failed when a write fails, closes the device, and recovers on reconnect', async () => {
    const { clock, hid, light, reports, log } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    device.failWrites = true;
    await expect(light.show('help-requested')).resolves.toBeUndefined();
    expect(reports).toEqual([{ state: 'fault', reason: 'write-failed' }]);
    expect(device.closed).toBe(true);
    expect(clock.pending()).toBe(0);
    expect(log.raw()).toContain('signal light write failed');

    const fresh = hid.plug(...BUSYLIGHT_OMEGA);
    expect(await light.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(fresh.sent[0]?.bytes).toEqual(busylightExpected['help-requested']);
  });

  it('returns fault/write-failed from connect when the first write fails', async () => {
    const { clock, hid, light, reports } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    device.failWrites = true;
    expect(await light.connect()).toEqual({ state: 'fault', reason: 'write-failed' });
    expect(reports).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('reports write-failed when the keepalive write fails', async () => {
    const { clock, hid, light, reports } = setup();
    const device = hid.plug(...BUSYLIGHT_OMEGA);
    await light.connect();
    device.failWrites = true;
    clock.advance(10_000);
    await flushPromises();
    expect(reports).toEqual([{ state: 'fault', reason: 'write-failed' }]);
    expect(clock.pending()).toBe(0);
  });

  it('disconnects quietly when the light is already gone, and when never connected', async () => {
    const { hid, light } = setup();
    await expect(light.disconnect()).resolves.toBeUndefined();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    device.failWrites = true;
    await expect(light.disconnect()).resolves.toBeUndefined();
    expect(device.closed).toBe(true);
    await expect(light.disconnect()).resolves.toBeUndefined();
  });

  it('never logs what the light sends back', async () => {
    const { hid, light, log } = setup();
    const device = hid.plug(...LUXAFOR_FLAG);
    await light.connect();
    device.emit('data', Buffer.from('SECRET-REPLY'));
    device.unplug();
    await flushPromises();
    expect(log.raw()).toContain('signal light unplugged');
    expect(log.raw()).not.toContain('SECRET');
  });
});

describe('HidSignalLight identity', () => {
  it('is a real (not simulated) signal light with the configured id', () => {
    const { light } = setup();
    expect({ id: light.id, kind: light.kind, simulated: light.simulated }).toEqual({ id: 'light', kind: 'signalLight', simulated: false });
  });
});
