import { SerialPortStream } from '@serialport/stream';
import { serialBinding } from './eofAwareLinuxBinding';
import { Listeners } from '../device';
import type { SerialOpenError, SerialOpener } from './serialLink';

function classifyOpenError(error: unknown): SerialOpenError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|No such file|not found/i.test(message)) return 'not-found';
  if (/lock|busy|EBUSY|temporarily unavailable/i.test(message)) return 'port-busy';
  if (/EACCES|permission/i.test(message)) return 'permission-denied';
  return 'error';
}

/** Opens a real serial port (serialport's stream and native binding) and wraps it as a SerialLink. */
export const openSerialPort: SerialOpener = async ({ path, baudRate }) => {
  const port = new SerialPortStream({ binding: serialBinding(), path, baudRate, autoOpen: false, lock: true });
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
          port.write(Buffer.from(bytes), (writeError) => {
            if (writeError) {
              reject(writeError);
              return;
            }
            port.drain((drainError) => {
              if (drainError) reject(drainError);
              else resolve();
            });
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
