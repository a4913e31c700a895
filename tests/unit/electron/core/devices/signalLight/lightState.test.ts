import { describe, expect, it } from 'vitest';
import { lightStateFor, SignalLightControl } from '#core/devices/signalLight/lightState';
import { SimulatedSignalLight } from '#core/devices/signalLight/simulatedSignalLight';
import type { LightState } from '#core/devices/signalLight/signalLightDriver';
import { sessionStates } from '#shared/session/sessionState';
import { captureLog } from '#tests/unit/support/logCapture';

describe('lightStateFor', () => {
  it('shows free on the attract screen and in use in every other session state', () => {
    expect(sessionStates.map((session) => lightStateFor({ session, help: 'clear' }))).toEqual(['free', 'in-use', 'in-use', 'in-use']);
  });

  it('blinks for help while a call is open, requested or acknowledged, in every session state', () => {
    for (const session of sessionStates) {
      for (const help of ['requested', 'acknowledged'] as const) expect(lightStateFor({ session, help })).toBe('help-requested');
    }
  });

  it('shows fault out of order, unless a call for help is open (someone is waiting there)', () => {
    expect(lightStateFor({ session: 'attract', help: 'clear', outOfOrder: true })).toBe('fault');
    expect(lightStateFor({ session: 'active', help: 'clear', outOfOrder: true })).toBe('fault');
    expect(lightStateFor({ session: 'attract', help: 'requested', outOfOrder: true })).toBe('help-requested');
    expect(lightStateFor({ session: 'attract', help: 'clear', outOfOrder: false })).toBe('free');
  });
});

describe('SignalLightControl', () => {
  it('shows what the inputs decide, and only changes (a re-show would restart the blink)', async () => {
    const light = new SimulatedSignalLight({ id: 'light' });
    const control = new SignalLightControl(light, captureLog().logger);
    await control.update({ session: 'active' });
    await control.update({ session: 'idle-warning' });
    await control.update({ help: 'requested' });
    await control.update({ help: 'acknowledged' });
    await control.update({ session: 'attract' });
    await control.update({ help: 'clear', outOfOrder: true });
    await control.update({ outOfOrder: false });
    expect(light.history).toEqual<LightState[]>(['in-use', 'help-requested', 'fault', 'free']);
    expect(control.state).toBe('free');
  });

  it('refresh shows the decided state again (start, after a light test)', async () => {
    const light = new SimulatedSignalLight({ id: 'light' });
    const control = new SignalLightControl(light, captureLog().logger, { session: 'active', help: 'clear' });
    await control.refresh();
    await light.show('fault');
    await control.refresh();
    expect(light.history).toEqual<LightState[]>(['in-use', 'fault', 'in-use']);
  });

  it('without a light it only remembers the inputs', async () => {
    const control = new SignalLightControl(null, captureLog().logger);
    await control.update({ help: 'requested' });
    await control.refresh();
    expect(control.state).toBe('help-requested');
  });

  it('a light that throws is logged and does not break the caller', async () => {
    const log = captureLog();
    const light = new SimulatedSignalLight({ id: 'light' });
    light.show = () => Promise.reject(new Error('unplugged'));
    const control = new SignalLightControl(light, log.logger);
    await expect(control.update({ session: 'active' })).resolves.toBeUndefined();
    expect(log.entries().some((e) => e.msg === 'signal light did not take the state' && e.state === 'in-use')).toBe(true);
  });
});
