import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DocumentService } from '#core/devices/documentReader/documentService';
import { HidMrzReader } from '#core/devices/documentReader/hidMrzReader';
import { SimulatedDocumentReader } from '#core/devices/documentReader/simulatedDocumentReader';
import { ResetCoordinator } from '#core/session/resetCoordinator';
import type { DocumentRead } from '#shared/devices/documentRead';
import { checkDigitPositions, otherDigit, personalStrings, td3Specimen, validSamples, withChar } from '#tests/support/mrzSamples';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { HidReaderAccess, lengthPrefixedReports } from './hidReaderDouble';
import { startPtyPair } from './ptyPair';
import { removeHarnessBundle, startSerialChild, waitUntil } from './serialChild';

afterAll(removeHarnessBundle);

/** Every document text fed to the readers: valid ones, and invalid ones that still carry names and numbers. */
function documentTexts(): string[] {
  const [line, column] = checkDigitPositions.TD3.documentNumber ?? [1, 9];
  const wrongDigit = withChar(td3Specimen.lines, line, column, otherDigit(td3Specimen.lines[line]?.charAt(column) ?? '0'));
  return [
    ...validSamples.map((s) => `${s.lines.join('\r\n')}\r\n`),
    `${td3Specimen.lines.join('\n').toLowerCase()}\n`, // readers may deliver lower case
    `${wrongDigit.join('\r\n')}\r\n`, // check-digit-wrong
    `${td3Specimen.lines[0] ?? ''}\r\n`, // truncated: only the name line
    `NAME ERIKSSON ANNA MARIA L898902C3 !!\r\n`, // unreadable
  ];
}

/** Personal strings found in `text` (case-insensitive), plus any run of MRZ fillers. */
function leaks(text: string): string[] {
  const upper = text.toUpperCase();
  const secrets = new Set(validSamples.flatMap(personalStrings));
  const found = [...secrets].filter((secret) => upper.includes(secret.toUpperCase()));
  if (upper.includes('<<<')) found.push('<<<');
  return found;
}

describe('MRZ content never appears in log output', () => {
  it('the leak detector finds MRZ content where it is (control)', () => {
    expect(leaks(td3Specimen.lines.join('\n'))).toContain('ERIKSSON');
    expect(leaks(JSON.stringify({ documentNumber: 'l898902c3' }))).toEqual(['L898902C3']);
  });

  it('serial (real pty), HID and simulated readers and the service log nothing personal at level trace', async () => {
    const texts = documentTexts();
    const log = captureLog('trace');
    const clock = new FakeClock();
    const all: DocumentRead[] = [];
    const resets = new ResetCoordinator(log.logger);

    // HID reader with a device double.
    const hid = new HidReaderAccess();
    hid.plug(0x1234, 0x5678);
    const hidReader = new HidMrzReader(
      { id: 'mrz-hid', kind: 'documentReader', driver: 'mrz-hid', vendorId: 0x1234, productId: 0x5678 },
      { clock, logger: log.logger, hid },
    );
    const hidService = new DocumentService(hidReader, log.logger);
    resets.register(hidService.resetParticipant());
    hidReader.onRead((read) => all.push(read));
    await hidReader.connect();
    for (const text of texts) {
      for (const report of lengthPrefixedReports(text)) hid.last().report(report);
      clock.advance(1000);
    }
    hid.last().unplug();

    // Simulator with an inbox folder.
    const dataDir = mkdtempSync(join(tmpdir(), 'mrz-log-'));
    try {
      const simulator = new SimulatedDocumentReader({ id: 'sim', kind: 'documentReader', driver: 'simulator' }, { clock, logger: log.logger, dataDir });
      const simService = new DocumentService(simulator, log.logger);
      simulator.onRead((read) => all.push(read));
      await simulator.connect();
      texts.forEach((text, i) => {
        writeFileSync(join(simulator.inboxDir, `${String(i).padStart(2, '0')}.mrz`), text);
      });
      const before = all.length;
      clock.advance(500);
      await vi.waitFor(() => {
        expect(all.length - before).toBe(texts.length);
      });
      await simulator.disconnect();
      await simService.resetParticipant().reset({ resetId: 'r', reason: 'idle' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    await resets.run('r1', 'end');

    // Serial reader on a real pty, in its own process with its own trace logger.
    const ptyDir = mkdtempSync(join(tmpdir(), 'mrz-log-pty-'));
    const pty = await startPtyPair(ptyDir);
    const child = await startSerialChild(pty.readerPath);
    try {
      await child.connect();
      for (const [i, text] of texts.entries()) {
        pty.write(text);
        await waitUntil(() => child.reads().length > i, 5000, 'serial read'); // one read per text, none merged
      }
      await child.reset();
      await pty.close();
      await waitUntil(() => child.health().length > 0, 5000, 'unplug');
      all.push(...child.reads());
    } finally {
      await child.stop();
      await pty.close();
    }

    // The documents really flowed through every reader, valid and invalid ones.
    expect(all.filter((read) => read.ok)).toHaveLength(3 * (validSamples.length + 1));
    expect(new Set(all.flatMap((read) => (read.ok ? [] : [read.error])))).toEqual(new Set(['check-digit-wrong', 'truncated', 'unreadable']));
    expect(leaks(JSON.stringify(all)).length).toBeGreaterThan(0);

    // …and the logs saw the events, but none of the content.
    const output = log.raw() + child.logs();
    expect(log.entries().filter((e) => e.event === 'document-read').length).toBeGreaterThanOrEqual(2 * texts.length);
    expect(child.logs()).toContain('document-reader-unplugged');
    expect(leaks(output)).toEqual([]);
  });
});
