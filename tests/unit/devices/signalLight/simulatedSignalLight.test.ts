import { describe, expect, it } from 'vitest';
import { SimulatedSignalLight } from '../../../../electron/core/devices/signalLight/simulatedSignalLight';
import { captureLog } from '../../support/logCapture';

describe('SimulatedSignalLight', () => {
  it('is a simulated signal light that connects ready', async () => {
    const light = new SimulatedSignalLight({ id: 'light' });
    expect({ id: light.id, kind: light.kind, simulated: light.simulated }).toEqual({ id: 'light', kind: 'signalLight', simulated: true });
    expect(await light.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(light.connected).toBe(true);
  });

  it('remembers the state and records the history, across a reconnect', async () => {
    const log = captureLog();
    const light = new SimulatedSignalLight({ id: 'light' }, { logger: log.logger });
    expect(light.state).toBe('free');
    await light.connect();
    await light.show('in-use');
    await light.show('help-requested');
    await light.disconnect();
    expect(light.connected).toBe(false);
    await light.connect();
    expect(light.state).toBe('help-requested');
    await light.show('fault');
    expect(light.history).toEqual(['in-use', 'help-requested', 'fault']);
    expect(log.raw()).toContain('help-requested');
  });

  it('never reports a health change by itself', async () => {
    const light = new SimulatedSignalLight({ id: 'light' });
    const reports: unknown[] = [];
    const unsubscribe = light.onHealth((r) => reports.push(r));
    await light.connect();
    await light.show('fault');
    await light.disconnect();
    unsubscribe();
    expect(reports).toEqual([]);
  });
});
