/**
 * Runs a real SerialMrzReader (with openSerialPort) and a DocumentService in a child process, driven
 * over IPC by serialChild.ts. A child process, because serialport's native poller is bound to the
 * process's main event loop and aborts the process when used from a worker thread (vitest's
 * 'threads' pool).
 */
import { Writable } from 'node:stream';
import { DocumentService } from '#core/devices/documentReader/documentService';
import { SerialMrzReader } from '#core/devices/documentReader/serialMrzReader';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { createLogger } from '#core/logging/logger';
import { systemClock } from '#core/session/clock';
import type { ChildCommand, ChildMessage } from './serialChild';

function send(message: ChildMessage): void {
  process.send?.(message);
}

const logger = createLogger({
  level: 'trace',
  destination: new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      send({ type: 'log', line: chunk.toString() });
      callback();
    },
  }),
});
const reader = new SerialMrzReader(
  { id: 'mrz-serial', kind: 'documentReader', driver: 'mrz-serial', path: process.env.MRZ_SERIAL_PATH ?? '/nonexistent' },
  { clock: systemClock, logger, openSerial: openSerialPort },
);
const service = new DocumentService(reader, logger);
reader.onRead((read) => {
  send({ type: 'read', read });
});
reader.onHealth((report) => {
  send({ type: 'health', report });
});
service.onSummary((summary) => {
  send({ type: 'summary', summary });
});

process.on('message', (message: ChildCommand) => {
  void (async () => {
    switch (message.cmd) {
      case 'connect':
        send({ type: 'connected', report: await reader.connect() });
        break;
      case 'disconnect':
        await reader.disconnect();
        send({ type: 'disconnected' });
        break;
      case 'reset':
        await service.resetParticipant().reset({ resetId: 'test', reason: 'end' });
        send({ type: 'reset', current: service.current() });
        break;
    }
  })();
});
// The test process went away: do not linger.
process.on('disconnect', () => {
  void reader.disconnect().finally(() => process.exit(0));
});
send({ type: 'started' });
