import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutOfOrder } from '#core/staff/outOfOrder';
import type { TerminalStatus } from '#shared/contract/staffContract';
import { captureLog } from '#tests/unit/support/logCapture';

function setup(place: string | null = 'Foyer, Schalter 1') {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-ooo-'));
  const file = join(dir, 'staff', 'out-of-order.json');
  const log = captureLog();
  const make = () => new OutOfOrder({ file, place, logger: log.logger, now: () => Date.parse('2026-03-17T09:15:00Z') });
  return { dir, file, log, make };
}

describe('out of order', () => {
  it('starts in service without a file', () => {
    const { make } = setup();
    const flag = make();
    expect(flag.isOn()).toBe(false);
    expect(flag.status()).toEqual({ outOfOrder: false, place: 'Foyer, Schalter 1' });
  });

  it('is kept across a new instance on the same folder until switched off', async () => {
    const { make, file } = setup();
    const changes: TerminalStatus[] = [];
    const first = make();
    first.onChange((status) => changes.push(status));
    expect(await first.set(true)).toEqual({ ok: true, value: undefined });
    expect(changes).toEqual([{ outOfOrder: true, place: 'Foyer, Schalter 1' }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ outOfOrder: true });
    const second = make();
    expect(second.isOn()).toBe(true);
    await second.set(false);
    expect(make().isOn()).toBe(false);
  });

  it('a corrupt file counts as out of order, and says so in the log', () => {
    for (const content of ['{"outOfOrder": tru', '{"outOfOrder": "no"}', '[]', '']) {
      const { make, file, log } = setup(null);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, content);
      expect(make().isOn(), content).toBe(true);
      expect(log.entries().some((entry) => entry.event === 'out-of-order-corrupt')).toBe(true);
    }
  });

  it('switching back in service rewrites a corrupt file', async () => {
    const { make, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'garbage');
    await make().set(false);
    expect(make().isOn()).toBe(false);
  });

  it('a switch that cannot be saved still takes effect and says it was not saved', async () => {
    const { make, dir, log } = setup();
    const flag = make();
    // A file where the folder should be: the write fails.
    writeFileSync(join(dir, 'staff'), '');
    const result = await flag.set(true);
    expect(result.ok).toBe(false);
    expect(flag.isOn()).toBe(true);
    expect(log.entries().some((entry) => entry.event === 'out-of-order-not-saved')).toBe(true);
  });

  it('without a data folder keeps the flag in memory', async () => {
    const flag = new OutOfOrder({ file: null, place: null, logger: captureLog().logger, now: () => 0 });
    expect(await flag.set(true)).toEqual({ ok: true, value: undefined });
    expect(flag.isOn()).toBe(true);
  });
});
