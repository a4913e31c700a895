import { read } from 'node:fs';
import { promisify } from 'node:util';
import {
  autoDetect,
  LinuxBinding,
  type AutoDetectTypes,
  type LinuxBindingInterface,
  type LinuxOpenOptions,
  type LinuxPortBinding,
} from '@serialport/bindings-cpp';

const readAsync = promisify(read);

function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

/**
 * Reads like bindings-cpp's own unixRead, except that a read of 0 bytes means the device is gone
 * (end of file: USB adapter unplugged, pty closed). Upstream retries such reads forever, which
 * burns a core and never reports the unplug (serialport/bindings-cpp#162).
 */
async function eofAwareRead(port: LinuxPortBinding, buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }> {
  for (;;) {
    if (port.fd === null) throw canceled();
    let bytesRead: number;
    try {
      ({ bytesRead } = await readAsync(port.fd, buffer, offset, length, null));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw Object.assign(error as Error, { disconnect: true });
      // The port may have been closed while the read was in flight.
      if (!port.isOpen) throw canceled();
      await new Promise<void>((resolve, reject) => {
        port.poller.once('readable', (pollError) => {
          if (pollError) reject(pollError);
          else resolve();
        });
      });
      continue;
    }
    // The port is opened with VMIN 1 and O_NONBLOCK: "no data" is EAGAIN, so 0 bytes is end of file.
    if (bytesRead === 0) throw Object.assign(new Error('serial device closed (end of file)'), { disconnect: true });
    return { bytesRead, buffer };
  }
}

/** bindings-cpp's Linux binding with the end-of-file fix above. */
export const eofAwareLinuxBinding: LinuxBindingInterface = {
  ...LinuxBinding,
  async open(options: LinuxOpenOptions) {
    const port = await LinuxBinding.open(options);
    port.read = (buffer: Buffer, offset: number, length: number) => eofAwareRead(port, buffer, offset, length);
    return port;
  },
};

/** The serial binding for this platform (Linux gets the end-of-file fix). */
export function serialBinding(): AutoDetectTypes {
  return process.platform === 'linux' ? eofAwareLinuxBinding : autoDetect();
}
