import { afterEach, describe, expect, it } from 'vitest';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { VirtualEscPosPrinter, waitFor } from '#tests/support/virtualEscposPrinter';

afterEach(async () => {
  await VirtualEscPosPrinter.stopAll();
});

describe('openSerialPort on a pseudo-terminal', () => {
  it('reports an unplug at once, without a write (end of file is a disconnect, not a retry loop)', async () => {
    const printer = await VirtualEscPosPrinter.start();
    const opened = await openSerialPort({ path: printer.devicePath, baudRate: 19200 });
    if (!opened.ok) throw new Error(`could not open the pty: ${opened.error}`);
    const closed = new Promise<string>((resolve) => opened.link.onClose(resolve));
    const started = performance.now();
    await printer.unplug();
    const reason = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('not reported'), 3000))]);
    expect(reason).toBe('unplugged');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(opened.link.isOpen).toBe(false);
  });

  it('answers not-found for a missing device and can be opened again after a replug', async () => {
    const missing = await openSerialPort({ path: '/dev/does-not-exist-kiosk', baudRate: 9600 });
    expect(missing).toEqual({ ok: false, error: 'not-found' });
    const printer = await VirtualEscPosPrinter.start();
    const first = await openSerialPort({ path: printer.devicePath, baudRate: 19200 });
    expect(first.ok).toBe(true);
    if (first.ok) await first.link.close();
    await printer.unplug();
    await printer.replug();
    const again = await openSerialPort({ path: printer.devicePath, baudRate: 19200 });
    expect(again.ok).toBe(true);
    if (again.ok) await again.link.close();
  });

  it('flush() ends a write stalled on a printer that stopped reading at once, and the rest of it is never sent', async () => {
    const printer = await VirtualEscPosPrinter.start();
    const opened = await openSerialPort({ path: printer.devicePath, baudRate: 19200 });
    if (!opened.ok) throw new Error(`could not open the pty: ${opened.error}`);
    const { link } = opened;
    printer.pauseAfter(1);
    const job = new Uint8Array(1_000_000).fill(0x41);
    let outcome = 'pending';
    const writing = link.write(job).then(
      () => (outcome = 'written'),
      (error: unknown) => (outcome = error instanceof Error ? error.message : 'rejected'),
    );
    await waitFor(() => printer.printBytes() > 0, 3000, 'the first bytes');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outcome).toBe('pending');
    await link.flush();
    await writing;
    expect(outcome).toBe('flushed');

    // The port still works; the printer gets what was already in the pty pair and socat, what
    // follows, and nothing more of the job.
    printer.resume();
    await link.write(Uint8Array.of(0x0a, 0x42, 0x0a));
    await waitFor(() => printer.received().at(-2) === 0x42, 3000, 'the bytes after the flush');
    // The pty pair and socat hold about 100 kB; without the flush all 1 MB would come.
    expect(printer.printBytes()).toBeLessThan(250_000);
    await link.close();
  });

  it('flush() resolves on a port that is already closed', async () => {
    const printer = await VirtualEscPosPrinter.start();
    const opened = await openSerialPort({ path: printer.devicePath, baudRate: 19200 });
    if (!opened.ok) throw new Error(`could not open the pty: ${opened.error}`);
    const closed = new Promise<string>((resolve) => opened.link.onClose(resolve));
    await printer.unplug();
    await closed;
    await expect(opened.link.flush()).resolves.toBeUndefined();
    await expect(opened.link.write(Uint8Array.of(0x41))).rejects.toThrow('port closed');
  });
});
