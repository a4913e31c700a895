import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kuandoBusylight, lightOff } from '#core/devices/signalLight/lightModels';
import { maxReportLines, SimulatedSignalLight, simulatedLightReportPath, type SimulatedLightRecord } from '#core/devices/signalLight/simulatedSignalLight';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'simulated-light-'));
  roots.push(root);
  return root;
}

function records(dir: string): SimulatedLightRecord[] {
  return readFileSync(join(dir, 'simulated', 'signal-light.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SimulatedLightRecord);
}

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

  it('with a data folder, reports each state shown as a JSON line with the Busylight packet a real light would get', async () => {
    const dir = dataDir();
    const clock = new FakeClock(Date.parse('2026-03-17T08:15:00Z'));
    const light = new SimulatedSignalLight({ id: 'light' }, { dataDir: dir, clock });
    expect(simulatedLightReportPath).toBe(join('simulated', 'signal-light.jsonl'));
    await light.connect();
    await light.show('in-use');
    clock.advance(1500);
    await light.show('help-requested');
    await light.show('free');
    const lines = records(dir);
    expect(lines.map(({ at, state, blink, color }) => ({ at, state, blink, color }))).toEqual([
      { at: '2026-03-17T08:15:00.000Z', state: 'in-use', blink: false, color: [0, 0, 255] },
      { at: '2026-03-17T08:15:01.500Z', state: 'help-requested', blink: true, color: [255, 150, 0] },
      { at: '2026-03-17T08:15:01.500Z', state: 'free', blink: false, color: [0, 255, 0] },
    ]);
    // Help requested: the amber packet by hand (PWM 100/59/0, checksum 0x03AC), 65 bytes with the report id.
    const amber = lines[1]?.report ?? [];
    expect(amber).toHaveLength(65);
    expect(amber.slice(0, 9)).toEqual([0x00, 0x10, 0, 100, 59, 0, 0, 0, 0]);
    expect(amber.slice(-5)).toEqual([0xff, 0xff, 0xff, 0x03, 0xac]);
    for (const line of lines) expect(line.report).toEqual(kuandoBusylight.colorReport(line.color).bytes);
    expect(amber).not.toEqual(kuandoBusylight.colorReport(lightOff).bytes);
  });

  it('keeps the lines in order when states follow each other without waiting', async () => {
    const dir = dataDir();
    const light = new SimulatedSignalLight({ id: 'light' }, { dataDir: dir });
    const states = ['in-use', 'help-requested', 'in-use', 'fault', 'free'] as const;
    await Promise.all(states.map((state) => light.show(state)));
    expect(records(dir).map((r) => r.state)).toEqual(states);
  });

  it('keeps the report and the history to the newest states: a terminal runs for months', async () => {
    const dir = dataDir();
    const light = new SimulatedSignalLight({ id: 'light' }, { dataDir: dir });
    for (let i = 0; i < 2 * maxReportLines + 5; i++) await light.show(i % 2 === 0 ? 'in-use' : 'free');
    expect(records(dir).length).toBeLessThanOrEqual(2 * maxReportLines);
    expect(records(dir).at(-1)?.state).toBe('in-use');
    expect(light.history.length).toBe(maxReportLines);
  });

  it('without a data folder writes nothing; a report that cannot be written is logged and shown anyway', async () => {
    const quiet = new SimulatedSignalLight({ id: 'light' });
    await quiet.show('fault');
    expect(quiet.state).toBe('fault');
    const dir = dataDir();
    // A file where the folder should be.
    writeFileSync(join(dir, 'simulated'), 'not a folder');
    const log = captureLog();
    const light = new SimulatedSignalLight({ id: 'light' }, { dataDir: dir, logger: log.logger });
    await expect(light.show('help-requested')).resolves.toBeUndefined();
    expect(light.state).toBe('help-requested');
    expect(log.entries().some((e) => e.msg === 'simulated signal light: report not written' && e.level === 40)).toBe(true);
    expect(existsSync(join(dir, 'simulated', 'signal-light.jsonl'))).toBe(false);
  });
});
