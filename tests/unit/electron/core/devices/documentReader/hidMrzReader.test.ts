import { describe, expect, it } from 'vitest';
import { HidMrzReader, type HidMrzReaderOptions } from '#core/devices/documentReader/hidMrzReader';
import type { HealthReport } from '#core/devices/device';
import type { DocumentRead } from '#shared/devices/documentRead';
import { td1Specimen, td3Specimen } from '#tests/support/mrzSamples';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { HidReaderAccess, lengthPrefixedReports, rawReports } from './hidReaderDouble';
import { randomBytes, seededRandom } from './random';

const VID = 0x1234;
const PID = 0x5678;

function setup(options: HidMrzReaderOptions = {}) {
  const clock = new FakeClock();
  const hid = new HidReaderAccess();
  const log = captureLog('trace');
  const reader = new HidMrzReader(
    { id: 'mrz-hid', kind: 'documentReader', driver: 'mrz-hid', vendorId: VID, productId: PID },
    { clock, logger: log.logger, hid },
    options,
  );
  const reads: DocumentRead[] = [];
  const health: HealthReport[] = [];
  reader.onRead((read) => reads.push(read));
  reader.onHealth((report) => health.push(report));
  return { clock, hid, reader, reads, health, log };
}

const td3Text = `${td3Specimen.lines.join('\r\n')}\r\n`;

describe('HidMrzReader', () => {
  it('is absent (not-found) when no device with its vendor/product id is attached', async () => {
    const { hid, reader } = setup();
    hid.plug(VID, 0x9999);
    expect(await reader.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    expect(hid.opened).toHaveLength(0);
  });

  it('reads a zone from [reportId, length, ...ascii] reports (the default layout)', async () => {
    const { hid, reader, reads } = setup();
    hid.plug(VID, PID);
    expect(await reader.connect()).toEqual({ state: 'ready', reason: 'ok' });
    const reports = lengthPrefixedReports(td3Text);
    expect(reports.length).toBeGreaterThan(1); // the zone really is split across reports
    for (const report of reports) hid.last().report(report);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.ok && reads[0].document.documentNumber).toBe('L898902C3');
  });

  it('reads raw NUL-padded text reports with layout "raw"', async () => {
    const { hid, reader, reads } = setup({ layout: 'raw' });
    hid.plug(VID, PID);
    await reader.connect();
    for (const report of rawReports(`${td1Specimen.lines.join('\r')}\r`)) hid.last().report(report);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.ok && reads[0].document.format).toBe('TD1');
  });

  it('ignores reports with another report id when one is configured', async () => {
    const { clock, hid, reader, reads } = setup({ reportId: 2 });
    hid.plug(VID, PID);
    await reader.connect();
    const device = hid.last();
    device.report([1, 5, 0x4f, 0x4b, 0x21, 0x21, 0x21]); // a status report, not text
    for (const report of lengthPrefixedReports(td3Text, 64, 2)) device.report(report);
    clock.advance(1000);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.ok).toBe(true);
  });

  it('survives malformed reports: empty, a length beyond the report, random bytes', async () => {
    const { clock, hid, reader, reads } = setup();
    hid.plug(VID, PID);
    await reader.connect();
    const device = hid.last();
    device.report([]);
    device.report([2]);
    device.report([2, 200, 0x50, 0x3c]); // claims 200 bytes, has 2
    const random = seededRandom(5);
    for (let i = 0; i < 300; i += 1) expect(() => device.report(randomBytes(random, Math.floor(random() * 65)))).not.toThrow();
    clock.advance(1000);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((read) => !read.ok)).toBe(true);

    for (const report of lengthPrefixedReports(td3Text)) device.report(report);
    expect(reads.at(-1)?.ok).toBe(true);
  });

  it("becomes absent (unplugged) on the device's 'error' event, and reads again after a replug", async () => {
    const { clock, hid, reader, reads, health } = setup();
    hid.plug(VID, PID);
    await reader.connect();
    const first = hid.last();
    for (const report of lengthPrefixedReports(td3Text).slice(0, 1)) first.report(report); // half a zone
    hid.unplugAll();
    first.unplug();
    expect(health).toEqual([{ state: 'absent', reason: 'unplugged' }]);
    await flushPromises();
    expect(first.closed).toBe(true);
    expect(() => first.unplug()).not.toThrow(); // a second 'error' must not be unhandled
    first.report(lengthPrefixedReports(td3Text)[0] ?? []); // late data from the old handle is ignored
    clock.advance(1000);
    expect(reads).toEqual([]); // the half zone was dropped, not handed on as truncated

    expect(await reader.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    hid.plug(VID, PID);
    expect(await reader.connect()).toEqual({ state: 'ready', reason: 'ok' });
    const second = hid.last();
    expect(second).not.toBe(first);
    for (const report of lengthPrefixedReports(td3Text)) second.report(report);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.ok).toBe(true);
  });

  it('maps open failures to health', async () => {
    const { hid, reader } = setup();
    hid.plug(VID, PID);
    hid.openError = 'EACCES: permission denied /dev/hidraw7';
    expect(await reader.connect()).toEqual({ state: 'fault', reason: 'permission-denied' });
    hid.openError = 'cannot open device';
    expect(await reader.connect()).toEqual({ state: 'fault', reason: 'error' });
  });

  it('disconnect closes the device, is safe twice, and a connect in flight is not used', async () => {
    const { hid, reader, reads } = setup();
    hid.plug(VID, PID);
    await reader.connect();
    const device = hid.last();
    await reader.disconnect();
    await reader.disconnect();
    expect(device.closed).toBe(true);
    for (const report of lengthPrefixedReports(td3Text)) device.report(report);
    expect(reads).toEqual([]);

    let release: (() => void) | undefined;
    hid.openGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pending = reader.connect();
    await flushPromises();
    await reader.disconnect();
    release?.();
    expect((await pending).state).toBe('absent');
    expect(hid.last().closed).toBe(true);
  });

  it('concurrent connect calls open the device once', async () => {
    const { hid, reader } = setup();
    hid.plug(VID, PID);
    const [a, b] = await Promise.all([reader.connect(), reader.connect()]);
    expect(a).toEqual({ state: 'ready', reason: 'ok' });
    expect(b).toEqual(a);
    expect(hid.opened).toHaveLength(1);
    expect(await reader.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(hid.opened).toHaveLength(1);
  });
});
