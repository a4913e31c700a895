import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, constants, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A socat pseudo-terminal pair: the driver opens `readerPath`, the test plays the reader on `devicePath`. */
export interface PtyPair {
  readonly readerPath: string;
  readonly devicePath: string;
  /** Writes bytes as the reader device would send them. */
  write(bytes: string | Uint8Array): void;
  /** Ends socat: both ends disappear, as when the reader is unplugged. */
  close(): Promise<void>;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts socat with two linked ptys in `dir` (the same paths again after a close, like a replug). */
export async function startPtyPair(dir: string): Promise<PtyPair> {
  const readerPath = join(dir, 'reader');
  const devicePath = join(dir, 'device');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${readerPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
  const state = { exited: false };
  const exit = new Promise<void>((resolve) => {
    socat.once('exit', () => {
      state.exited = true;
      resolve();
    });
  });
  await waitFor(() => state.exited || (existsSync(readerPath) && existsSync(devicePath)), 5000, 'socat ptys');
  if (state.exited) throw new Error('socat exited early');
  // Kept open for the pair's life: when the last fd of a pty closes, socat sees EOF and ends.
  const fd = openSync(devicePath, constants.O_RDWR | constants.O_NOCTTY);
  let open = true;
  return {
    readerPath,
    devicePath,
    write(bytes) {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    },
    async close() {
      if (open) closeSync(fd);
      open = false;
      if (!state.exited) socat.kill('SIGTERM');
      await exit;
      await waitFor(() => !existsSync(readerPath) && !existsSync(devicePath), 5000, 'socat links removed');
    },
  };
}
