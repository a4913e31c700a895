import { describe, expect, it } from 'vitest';
import { Listeners, type HealthReport } from '#core/devices/device';
import { SerialMrzReader } from '#core/devices/documentReader/serialMrzReader';
import type { SerialLink, SerialOpenResult, SerialOpener } from '#core/devices/transport/serialLink';
import type { DocumentRead } from '#shared/devices/documentRead';
import { td3Specimen } from '#tests/support/mrzSamples';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

/** An in-memory SerialLink: the paths the pty cannot easily produce (port errors, open races). */
class LinkDouble implements SerialLink {
  readonly data = new Listeners<Uint8Array>();
  readonly closes = new Listeners<'unplugged' | 'error' | 'closed'>();
  isOpen = true;
  write(): Promise<void> {
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onClose(listener: (reason: 'unplugged' | 'error' | 'closed') => void): () => void {
    return this.closes.add(listener);
  }
  close(): Promise<void> {
    this.isOpen = false;
    this.closes.emit('closed');
    return Promise.resolve();
  }
}

function setup(open: SerialOpener) {
  const clock = new FakeClock();
  const reader = new SerialMrzReader(
    { id: 'mrz', kind: 'documentReader', driver: 'mrz-serial', path: '/dev/ttyMRZ' },
    { clock, logger: captureLog().logger, openSerial: open },
  );
  const reads: DocumentRead[] = [];
  const health: HealthReport[] = [];
  reader.onRead((read) => reads.push(read));
  reader.onHealth((report) => health.push(report));
  return { clock, reader, reads, health };
}

describe('SerialMrzReader with a link double', () => {
  it.each([
    ['not-found', { state: 'absent', reason: 'not-found' }],
    ['port-busy', { state: 'fault', reason: 'port-busy' }],
    ['permission-denied', { state: 'fault', reason: 'permission-denied' }],
    ['error', { state: 'fault', reason: 'error' }],
  ] as const)('open failure %s → %o', async (error, expected) => {
    const { reader } = setup(() => Promise.resolve({ ok: false, error }));
    expect(await reader.connect()).toEqual(expected);
  });

  it('an opener that throws is a fault, not a crash', async () => {
    const { reader } = setup(() => Promise.reject(new Error('boom')));
    expect(await reader.connect()).toEqual({ state: 'fault', reason: 'error' });
  });

  it('uses the configured path and 9600 baud by default', async () => {
    const calls: { path: string; baudRate: number }[] = [];
    const { reader } = setup((options) => {
      calls.push(options);
      return Promise.resolve({ ok: true, link: new LinkDouble() });
    });
    await reader.connect();
    expect(calls).toEqual([{ path: '/dev/ttyMRZ', baudRate: 9600, rtscts: false }]);
  });

  it('passes hardware flow control and the baud rate from the config', async () => {
    const calls: Parameters<SerialOpener>[0][] = [];
    const open: SerialOpener = (options) => {
      calls.push(options);
      return Promise.resolve({ ok: true, link: new LinkDouble() });
    };
    const reader = new SerialMrzReader(
      { id: 'mrz', kind: 'documentReader', driver: 'mrz-serial', path: '/dev/ttyMRZ', baudRate: 115200, flowControl: 'rtscts' },
      { clock: new FakeClock(), logger: captureLog().logger, openSerial: open },
    );
    await reader.connect();
    expect(calls).toEqual([{ path: '/dev/ttyMRZ', baudRate: 115200, rtscts: true }]);
  });

  it('a port error is a fault (the manager reconnects); our own close reports nothing', async () => {
    const link = new LinkDouble();
    const { reader, health } = setup(() => Promise.resolve({ ok: true, link }));
    await reader.connect();
    link.closes.emit('error');
    expect(health).toEqual([{ state: 'fault', reason: 'error' }]);

    const second = new LinkDouble();
    const again = setup(() => Promise.resolve({ ok: true, link: second }));
    await again.reader.connect();
    await again.reader.disconnect();
    expect(again.health).toEqual([]);
    expect(second.isOpen).toBe(false);
  });

  it('a port that opens after disconnect() is closed again, not used', async () => {
    const link = new LinkDouble();
    let finish: ((result: SerialOpenResult) => void) | undefined;
    const { reader, reads } = setup(() => new Promise((resolve) => (finish = resolve)));
    const pending = reader.connect();
    await reader.disconnect();
    finish?.({ ok: true, link });
    expect((await pending).state).toBe('absent');
    expect(link.isOpen).toBe(false);
    link.data.emit(Buffer.from(`${td3Specimen.lines.join('\n')}\n`));
    await flushPromises();
    expect(reads).toEqual([]);
  });
});
