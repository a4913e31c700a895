import { describe, expect, it } from 'vitest';
import { Listeners } from '#core/devices/device';
import { DocumentService } from '#core/devices/documentReader/documentService';
import { parseMrz } from '#core/devices/documentReader/mrzParser';
import { ResetCoordinator } from '#core/session/resetCoordinator';
import type { DocumentRead } from '#shared/devices/documentRead';
import { personalStrings, sampleNow, td3Specimen } from '#tests/support/mrzSamples';
import { captureLog } from '#tests/unit/support/logCapture';

/** The reader side of the service: something that emits reads. */
function readerDouble() {
  const reads = new Listeners<DocumentRead>();
  return { id: 'reader', onRead: (listener: (read: DocumentRead) => void) => reads.add(listener), emit: (read: DocumentRead) => reads.emit(read) };
}

const valid = parseMrz(td3Specimen.lines.join('\n'), { now: sampleNow });
const truncated = parseMrz(td3Specimen.lines[0] ?? '', { now: sampleNow });

describe('DocumentService', () => {
  it('holds the latest read and emits a summary without personal data', () => {
    const reader = readerDouble();
    const service = new DocumentService(reader, captureLog().logger);
    const summaries: unknown[] = [];
    service.onSummary((s) => summaries.push(s));
    expect(service.current()).toBeNull();

    reader.emit(valid);
    expect(service.current()).toEqual(valid);
    reader.emit(truncated);
    expect(service.current()).toEqual(truncated);
    expect(summaries).toEqual([
      { status: 'read', format: 'TD3', valid: true },
      { status: 'error', error: 'truncated' },
    ]);
    const shown = JSON.stringify(summaries);
    for (const secret of personalStrings(td3Specimen)) expect(shown).not.toContain(secret);
  });

  it("keeps the read only until reset: the 'document-reads' participant clears it", async () => {
    const reader = readerDouble();
    const log = captureLog();
    const service = new DocumentService(reader, log.logger);
    const resets = new ResetCoordinator(log.logger);
    resets.register(service.resetParticipant());
    expect(resets.names()).toEqual(['document-reads']);

    reader.emit(valid);
    expect(service.current()).not.toBeNull();
    expect(await resets.run('reset-1', 'idle')).toEqual({ failed: [] });
    expect(service.current()).toBeNull();

    reader.emit(valid); // the next citizen's read is held again
    expect(service.current()).toEqual(valid);
    await resets.run('reset-2', 'end');
    expect(service.current()).toBeNull();
  });

  it('dispose stops listening and forgets the read', () => {
    const reader = readerDouble();
    const service = new DocumentService(reader, captureLog().logger);
    reader.emit(valid);
    service.dispose();
    expect(service.current()).toBeNull();
    reader.emit(valid);
    expect(service.current()).toBeNull();
  });

  it('a failing summary listener does not lose the read', () => {
    const reader = readerDouble();
    const service = new DocumentService(reader, captureLog().logger);
    service.onSummary(() => {
      throw new Error('UI gone');
    });
    reader.emit(valid);
    expect(service.current()).toEqual(valid);
  });
});
