import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HealthReport } from '#core/devices/device';
import { SimulatedDocumentReader } from '#core/devices/documentReader/simulatedDocumentReader';
import type { DocumentRead } from '#shared/devices/documentRead';
import { germanIdTd1, td2Specimen, td3Specimen } from '#tests/support/mrzSamples';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const readers: SimulatedDocumentReader[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.disconnect()));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(inboxDir?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mrz-sim-'));
  dataDirs.push(dataDir);
  const clock = new FakeClock();
  const log = captureLog('trace');
  const config =
    inboxDir === undefined
      ? { id: 'reader', kind: 'documentReader' as const, driver: 'simulator' as const }
      : { id: 'reader', kind: 'documentReader' as const, driver: 'simulator' as const, inboxDir };
  const reader = new SimulatedDocumentReader(config, { clock, logger: log.logger, dataDir });
  readers.push(reader);
  const reads: DocumentRead[] = [];
  const health: HealthReport[] = [];
  reader.onRead((read) => reads.push(read));
  reader.onHealth((report) => health.push(report));
  /** Lets one poll run: advance the clock, then wait (real time) until the poll has scheduled the next. */
  const poll = async () => {
    clock.advance(500);
    await vi.waitFor(() => {
      expect(clock.pending()).toBe(1);
    });
  };
  return { dataDir, clock, reader, reads, health, poll, log };
}

describe('SimulatedDocumentReader', () => {
  it('is simulated, creates <dataDir>/reader-inbox and is ready', async () => {
    const { dataDir, reader } = setup();
    expect(reader.simulated).toBe(true);
    expect(reader.inboxDir).toBe(join(dataDir, 'reader-inbox'));
    expect(await reader.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(existsSync(reader.inboxDir)).toBe(true);
  });

  it('takes the folder from config: relative to the data folder, or absolute', () => {
    const relative = setup('inbox/mrz');
    expect(relative.reader.inboxDir).toBe(join(relative.dataDir, 'inbox', 'mrz'));
    const absolute = join(tmpdir(), 'some-absolute-inbox');
    expect(setup(absolute).reader.inboxDir).toBe(absolute);
  });

  it('reads, deletes and emits each *.mrz and *.txt file every 500 ms; other files stay', async () => {
    const { clock, reader, reads, poll } = setup();
    await reader.connect();
    writeFileSync(join(reader.inboxDir, 'a.mrz'), `${td3Specimen.lines.join('\r\n')}\r\n`);
    writeFileSync(join(reader.inboxDir, 'b.TXT'), td2Specimen.lines.join('\n'));
    writeFileSync(join(reader.inboxDir, 'notes.json'), '{}');
    writeFileSync(join(reader.inboxDir, '.partial.mrz'), 'P<UTO');

    clock.advance(499);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toEqual([]);
    clock.advance(1);
    await vi.waitFor(() => {
      expect(reads).toHaveLength(2);
    });
    expect(reads.map((r) => r.ok && r.document.format)).toEqual(['TD3', 'TD2']);
    await vi.waitFor(() => {
      expect(clock.pending()).toBe(1);
    });
    expect(readdirSync(reader.inboxDir).sort()).toEqual(['.partial.mrz', 'notes.json']);

    writeFileSync(join(reader.inboxDir, 'c.mrz'), germanIdTd1.lines.join('\n'));
    await poll();
    expect(reads).toHaveLength(3);
    expect(reads[2]?.ok && reads[2].document.lastName).toBe('MUSTERMANN');
  });

  it('bad files become error reads: invalid text, binary junk, an oversized file, a folder named *.mrz (reported once)', async () => {
    const { reader, reads, poll } = setup();
    await reader.connect();
    writeFileSync(join(reader.inboxDir, '1.mrz'), td3Specimen.lines[0] ?? '');
    writeFileSync(join(reader.inboxDir, '2.mrz'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]));
    writeFileSync(join(reader.inboxDir, '3.mrz'), 'P'.repeat(100_000));
    mkdirSync(join(reader.inboxDir, '4.mrz'));
    await poll();
    expect(reads).toEqual([
      { ok: false, error: 'truncated' },
      { ok: false, error: 'unreadable' },
      { ok: false, error: 'unreadable' },
      { ok: false, error: 'unreadable' },
    ]);
    await poll();
    await poll();
    expect(reads).toHaveLength(4);
    expect(readdirSync(reader.inboxDir)).toEqual(['4.mrz']);
  });

  it('recreates the inbox when it is removed while running', async () => {
    const { reader, reads, poll, health } = setup();
    await reader.connect();
    rmSync(reader.inboxDir, { recursive: true });
    await poll();
    expect(existsSync(reader.inboxDir)).toBe(true);
    writeFileSync(join(reader.inboxDir, 'a.mrz'), td3Specimen.lines.join('\n'));
    await poll();
    expect(reads).toHaveLength(1);
    expect(health).toEqual([]);
  });

  it('is a fault when the inbox cannot be created', async () => {
    const { dataDir, clock, log } = setup();
    writeFileSync(join(dataDir, 'blocker'), 'a file where the folder should be');
    const reader = new SimulatedDocumentReader(
      { id: 'reader', kind: 'documentReader', driver: 'simulator', inboxDir: 'blocker/inbox' },
      { clock, logger: log.logger, dataDir },
    );
    readers.push(reader);
    expect(await reader.connect()).toEqual({ state: 'fault', reason: 'error' });
    expect(clock.pending()).toBe(0);
  });

  it('disconnect stops polling and leaves files in the inbox', async () => {
    const { clock, reader, reads } = setup();
    await reader.connect();
    await reader.disconnect();
    expect(clock.pending()).toBe(0);
    writeFileSync(join(reader.inboxDir, 'a.mrz'), td3Specimen.lines.join('\n'));
    clock.advance(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toEqual([]);
    expect(readdirSync(reader.inboxDir)).toEqual(['a.mrz']);
    expect(await reader.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(clock.pending()).toBe(1);
  });
});
