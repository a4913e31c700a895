import { SerialPortStream } from '@serialport/stream';
import { serialBinding } from './eofAwareLinuxBinding';
import { Listeners } from '../device';
import type { SerialOpenError, SerialOpener } from './serialLink';

/**
 * Writes go to the port in pieces of this size (half a second of wire time at 19200 baud), so
 * flush() can stop a long job: the rest of it never reaches the operating system.
 */
const writePieceBytes = 1024;

function classifyOpenError(error: unknown): SerialOpenError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|No such file|not found/i.test(message)) return 'not-found';
  if (/lock|busy|EBUSY|temporarily unavailable/i.test(message)) return 'port-busy';
  if (/EACCES|permission/i.test(message)) return 'permission-denied';
  return 'error';
}

/** Opens a real serial port (serialport's stream and native binding) and wraps it as a SerialLink. */
export const openSerialPort: SerialOpener = async ({ path, baudRate, rtscts = false }) => {
  const port = new SerialPortStream({ binding: serialBinding(), path, baudRate, rtscts, autoOpen: false, lock: true });
  try {
    await new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  } catch (error) {
    return { ok: false, error: classifyOpenError(error) };
  }

  const data = new Listeners<Uint8Array>();
  const closed = new Listeners<'unplugged' | 'error' | 'closed'>();
  let closing = false;
  let closeReported = false;
  const reportClose = (reason: 'unplugged' | 'error' | 'closed'): void => {
    if (closeReported) return;
    closeReported = true;
    closed.emit(reason);
  };
  port.on('data', (chunk: Buffer) => {
    data.emit(new Uint8Array(chunk));
  });
  port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
    reportClose(closing ? 'closed' : error?.disconnected === false ? 'error' : 'unplugged');
  });
  port.on('error', () => {
    // 'close' follows where the port is gone; a write error is reported through write().
  });

  // Writes still in progress; flush() makes them reject at once instead of going on.
  const inProgress = new Set<(error: Error) => void>();

  return {
    ok: true,
    link: {
      get isOpen() {
        return port.isOpen;
      },
      write(bytes) {
        return new Promise<void>((resolve, reject) => {
          if (!port.isOpen) {
            reject(new Error('port closed'));
            return;
          }
          let settled = false;
          const settle = (error: Error | null | undefined): void => {
            if (settled) return;
            settled = true;
            inProgress.delete(settle);
            if (error) reject(error);
            else resolve();
          };
          inProgress.add(settle);
          // One piece at a time: after a flush at most this piece is still on its way, not the whole job.
          const writeFrom = (offset: number): void => {
            if (settled) return;
            if (offset >= bytes.length) {
              port.drain(settle);
              return;
            }
            port.write(Buffer.from(bytes.subarray(offset, offset + writePieceBytes)), (writeError) => {
              if (writeError) settle(writeError);
              else writeFrom(offset + writePieceBytes);
            });
          };
          writeFrom(0);
        });
      },
      flush() {
        const flushed = new Error('flushed');
        for (const settle of [...inProgress]) settle(flushed);
        return new Promise<void>((resolve) => {
          if (!port.isOpen) {
            resolve();
            return;
          }
          // tcflush(TCIOFLUSH); a port failing now has nothing left to discard either way.
          port.flush(() => {
            resolve();
          });
        });
      },
      onData: (listener) => data.add(listener),
      onClose: (listener) => closed.add(listener),
      close() {
        closing = true;
        return new Promise<void>((resolve) => {
          if (!port.isOpen) {
            resolve();
            return;
          }
          port.close(() => {
            resolve();
          });
        });
      },
    },
  };
};
