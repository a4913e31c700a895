/**
 * Receipt printer figures for `npm run bench` (imported by bench.ts):
 *   - receipt encoding: one encodeReceipt() of a typical info slip (text + QR); budget < 2 ms
 *   - tap to first byte: PrintService.print() → first job byte at the virtual printer on a pty,
 *     through the real serial driver (status check included); budget < 50 ms
 */
import { tmpdir } from 'node:os';
import type { Receipt } from '#shared/devices/receipt';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import { PrintService } from '#core/devices/printer/printService';
import { SerialEscPosPrinter } from '#core/devices/printer/serialEscPosPrinter';
import { createLogger } from '#core/logging/logger';
import { systemClock } from '#core/session/clock';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { VirtualEscPosPrinter } from '#tests/support/virtualEscposPrinter';

const codePage = { name: 'cp858', escT: 19 } as const;
const columns = 42;

/** A typical info slip: heading, a few lines with umlauts and €, a QR code. */
export const infoSlip: Receipt = {
  blocks: [
    { type: 'text', text: 'Bürgerservice Jena', bold: true, size: 'large', align: 'center' },
    { type: 'text', text: 'Ihre Wartenummer', align: 'center' },
    { type: 'text', text: 'A 042', bold: true, size: 'huge', align: 'center' },
    { type: 'rule' },
    { type: 'text', text: 'Personalausweis beantragen: Bitte halten Sie ein biometrisches Passfoto bereit. Gebühr: 37,00 €' },
    { type: 'text', text: 'Öffnungszeiten: Mo–Fr 8–18 Uhr, Straße des 17. Juni 1' },
    { type: 'qr', payload: 'https://www.jena.de/buergerservice?termin=A042', size: 6 },
    { type: 'feed', lines: 1 },
    { type: 'text', text: 'Vielen Dank für Ihren Besuch!', align: 'center' },
  ],
};

/** ms per encodeReceipt() of the info slip. */
export async function benchReceiptEncoding(runs: number): Promise<number[]> {
  encodeReceipt(infoSlip, { codePage, columns }); // warm-up: first use loads code page tables
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    encodeReceipt(infoSlip, { codePage, columns });
    times.push(performance.now() - started);
  }
  return Promise.resolve(times);
}

/** ms from PrintService.print() to the first job byte arriving at the virtual printer. */
export async function benchTapToFirstByte(runs: number): Promise<number[]> {
  const virtual = await VirtualEscPosPrinter.start();
  const logger = createLogger({});
  const printer = new SerialEscPosPrinter(
    { id: 'bench-printer', kind: 'printer', driver: 'escpos-serial', path: virtual.devicePath, statusPollSeconds: 300 },
    {
      clock: systemClock,
      logger,
      openSerial: openSerialPort,
      hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID in bench')) },
      dataDir: tmpdir(),
    },
  );
  const service = new PrintService({ printer, codePage, columns, currentSessionId: () => 'bench', logger });
  const times: number[] = [];
  try {
    const connected = await printer.connect();
    if (connected.state !== 'ready') throw new Error(`virtual printer not ready: ${connected.state}/${connected.reason}`);
    for (let i = 0; i < runs; i += 1) {
      const firstByte = virtual.whenPrintBytes(virtual.printBytes() + 1);
      const started = performance.now();
      const printed = service.print(infoSlip);
      times.push((await firstByte) - started);
      const result = await printed;
      if (result.status !== 'printed') throw new Error(`bench job failed: ${result.reason}`);
    }
  } finally {
    await printer.disconnect();
    await virtual.stop();
  }
  return times;
}
