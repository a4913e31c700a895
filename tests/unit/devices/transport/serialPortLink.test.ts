import { afterEach, describe, expect, it } from 'vitest';
import { openSerialPort } from '../../../../electron/core/devices/transport/serialPortLink';
import { VirtualEscPosPrinter } from '../../../support/virtualEscposPrinter';

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
});
