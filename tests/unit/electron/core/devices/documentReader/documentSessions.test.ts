import { describe, expect, it } from 'vitest';
import { Listeners } from '#core/devices/device';
import { DocumentService } from '#core/devices/documentReader/documentService';
import { parseMrz } from '#core/devices/documentReader/mrzParser';
import type { DocumentRead } from '#shared/devices/documentRead';
import { td1Specimen } from '#tests/support/mrzSamples';
import { captureLog } from '#tests/unit/support/logCapture';

function setup() {
  const reads = new Listeners<DocumentRead>();
  const reader = { id: 'reader', onRead: (listener: (read: DocumentRead) => void) => reads.add(listener) };
  let session: string | null = null;
  const log = captureLog('trace');
  const service = new DocumentService(reader, log.logger, () => session);
  const read = parseMrz(td1Specimen.lines.join('\n'));
  return {
    service,
    log,
    deliver: () => {
      reads.emit(read);
    },
    setSession: (id: string | null) => {
      session = id;
    },
  };
}

describe('document reads belong to one session', () => {
  it('keeps a read made during a session, for that session only', () => {
    const { service, deliver, setSession } = setup();
    setSession('s1');
    deliver();
    expect(service.current()?.ok).toBe(true);
    setSession('s2');
    expect(service.current()).toBeNull();
  });

  it('drops a read that arrives between sessions (attract, or while a reset runs)', () => {
    const { service, deliver, setSession, log } = setup();
    setSession(null);
    deliver();
    setSession('next-citizen');
    expect(service.current()).toBeNull();
    expect(log.raw()).toContain('document-read-outside-session');
    expect(log.raw()).not.toContain('ERIKSSON');
  });
});
