/**
 * The real serial driver (SerialEscPosPrinter + openSerialPort/serialport) against the virtual
 * ESC/POS printer on a socat pty pair: what the printer must do, as a real one would be driven.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '#core/devices/device';
import { DeviceManager } from '#core/devices/deviceManager';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import { PrintService } from '#core/devices/printer/printService';
import { SerialEscPosPrinter } from '#core/devices/printer/serialEscPosPrinter';
import { openSerialPort } from '#core/devices/transport/serialPortLink';
import { systemClock } from '#core/session/clock';
import type { Receipt } from '#shared/devices/receipt';
import { clearBuffersBytes, VirtualEscPosPrinter, waitFor } from '#tests/support/virtualEscposPrinter';
import { printerDeps } from './printerTestDeps';

const codePage = { name: 'cp858', escT: 19 } as const;
const germanLine = 'Äpfel, Öl, Übergröße, Straße, 12,50 €';
const qrPayload = 'https://www.jena.de/buergerservice/termin?nr=A042';

const receipt: Receipt = {
  blocks: [
    { type: 'text', text: 'Bürgerservice Jena', bold: true, size: 'large', align: 'center' },
    { type: 'text', text: germanLine },
    { type: 'qr', payload: qrPayload, size: 5 },
  ],
};

/**
 * A receipt whose text blocks each start with `marker`. 200 blocks of 1200 characters make a job of
 * about 250 kB, well over the ~100 kB the pty pair buffers while the printer does not read.
 */
function marked(marker: string, blocks = 1, length = 30): Receipt {
  return { blocks: Array.from({ length: blocks }, (_, i) => ({ type: 'text' as const, text: `${marker} ${String(i)} ${'x'.repeat(length)}` })) };
}

let dir: string;
const drivers: SerialEscPosPrinter[] = [];
const managers: DeviceManager[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'printer-pty-'));
});

afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.stop()));
  await Promise.all(drivers.splice(0).map((driver) => driver.disconnect()));
  await VirtualEscPosPrinter.stopAll();
  await rm(dir, { recursive: true, force: true });
});

async function rig(options: { answerTimeoutMs?: number; statusPollSeconds?: number; clearBufferCommand?: 'epson' | 'none' } = {}) {
  const virtual = await VirtualEscPosPrinter.start(dir);
  const { deps, log } = printerDeps({ clock: systemClock, dataDir: dir, openSerial: openSerialPort });
  const printer = new SerialEscPosPrinter(
    {
      id: 'receipt',
      kind: 'printer',
      driver: 'escpos-serial',
      path: virtual.devicePath,
      statusPollSeconds: options.statusPollSeconds ?? 300,
      clearBufferCommand: options.clearBufferCommand,
    },
    deps,
    { answerTimeoutMs: options.answerTimeoutMs },
  );
  drivers.push(printer);
  const reports: HealthReport[] = [];
  printer.onHealth((report) => reports.push(report));
  const session = { id: 'session-1' as string | null };
  const service = new PrintService({ printer, codePage, columns: 42, currentSessionId: () => session.id, logger: log.logger });
  return { virtual, printer, reports, service, session, log };
}

function printedText(virtual: VirtualEscPosPrinter): string[] {
  return virtual
    .decoded()
    .lines.map((line) => line.text)
    .filter((text) => text !== '');
}

function printedWith(virtual: VirtualEscPosPrinter, marker: string): string[] {
  return printedText(virtual).filter((text) => text.includes(marker));
}

/** Lets the virtual printer print what it holds after resume(). */
async function resumePrinting(virtual: VirtualEscPosPrinter): Promise<void> {
  virtual.resume();
  await waitFor(() => !virtual.holding, 2_000, 'the printer to print again');
}

describe('receipt printer on a pty (real serial driver, virtual ESC/POS printer)', () => {
  it('prints umlauts, ß, € and a QR code exactly as sent', async () => {
    const { virtual, printer, service } = await rig();
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(await service.print(receipt)).toEqual({ status: 'printed' });

    const receipts = virtual.receipts();
    expect(receipts).toHaveLength(1);
    const [printed] = receipts;
    expect(printed?.lines.filter((line) => line.text !== '')).toEqual([
      { text: 'Bürgerservice Jena', bold: true, align: 'center', size: { width: 2, height: 2 } },
      { text: germanLine, bold: false, align: 'left', size: { width: 1, height: 1 } },
    ]);
    expect(printed?.qrCodes).toEqual([qrPayload]);
    const decoded = virtual.decoded();
    expect(new Set(decoded.codePageSelections)).toEqual(new Set([19]));
    expect(decoded.unknownBytes).toBe(0);
    // Status asked at connect, before the job and after it.
    expect(decoded.statusRequests).toEqual([1, 2, 4, 1, 2, 4, 1, 2, 4]);
    // The buffers were cleared once, at connect, before anything else.
    expect([...virtual.received().subarray(0, clearBuffersBytes.length)]).toEqual(clearBuffersBytes);
    expect(virtual.clearCommands()).toBe(1);
  });

  it('refuses a job with paper-end when the paper is out before it, sending none of it', async () => {
    const { virtual, printer, service, reports } = await rig();
    await printer.connect();
    virtual.setStatus({ paperEnd: true });
    expect(await service.print(receipt)).toEqual({ status: 'failed', reason: 'paper-end' });
    expect(virtual.printBytes()).toBe(0);
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'paper-end' });
  });

  it.each([
    [{ coverOpen: true }, 'cover-open'],
    [{ offline: true }, 'offline'],
  ] as const)('refuses a job while the printer reports %o', async (status, reason) => {
    const { virtual, printer, service } = await rig();
    await printer.connect();
    virtual.setStatus(status);
    expect(await service.print(receipt)).toEqual({ status: 'failed', reason });
    expect(virtual.printBytes()).toBe(0);
  });

  it('prints with the paper near its end and reports a warning', async () => {
    const { virtual, printer, service, reports } = await rig();
    await printer.connect();
    virtual.setStatus({ paperNearEnd: true });
    expect(await service.print(receipt)).toEqual({ status: 'printed' });
    expect(reports.at(-1)).toEqual({ state: 'warning', reason: 'paper-near-end' });
    expect(virtual.receipts()).toHaveLength(1);
  });

  it('fails a job when the paper runs out during it, and nothing of it is ever printed after the refill', async () => {
    const { virtual, printer, service, reports } = await rig();
    await printer.connect();
    virtual.setStatus({ paperEnd: true }, { afterPrintBytes: 1 });
    expect(await service.print(marked('PAPIERENDE', 20))).toEqual({ status: 'failed', reason: 'paper-end' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'paper-end' });
    // The printer got the job but held it, and the service had it cleared.
    expect(virtual.printBytes()).toBeGreaterThan(1_000);
    expect(virtual.clearCommands()).toBe(2);
    expect(virtual.heldBytes()).toBe(0);

    virtual.setStatus({ paperEnd: false });
    expect(await service.print(marked('Nachfüllen'))).toEqual({ status: 'printed' });
    expect(reports.at(-1)).toEqual({ state: 'ready', reason: 'ok' });
    expect(printedWith(virtual, 'PAPIERENDE')).toEqual([]);
    expect(printedWith(virtual, 'Nachfüllen')).toHaveLength(1);
    expect(virtual.receipts()).toHaveLength(1);
  });

  it('without a clear command, the held rest of a failed job prints after the refill (why the clear is needed)', async () => {
    const { virtual, printer, service } = await rig({ clearBufferCommand: 'none' });
    await printer.connect();
    virtual.setStatus({ paperEnd: true }, { afterPrintBytes: 1 });
    expect(await service.print(marked('PAPIERENDE', 20))).toEqual({ status: 'failed', reason: 'paper-end' });
    expect(printedWith(virtual, 'PAPIERENDE')).toEqual([]);
    virtual.setStatus({ paperEnd: false });
    expect(printedWith(virtual, 'PAPIERENDE')).toHaveLength(20);
    expect(virtual.clearCommands()).toBe(0);
  });

  it('fails a job when the pty closes mid-job with health fault, clears the printer first once it is back', async () => {
    const { virtual, printer, service, reports } = await rig();
    await printer.connect();
    // The printer stops reading, so the job is still being written when the cable is pulled.
    virtual.pauseAfter(1);
    const big = marked('Abgebrochen', 200, 1200);
    const job = service.print(big);
    await waitFor(() => virtual.printBytes() > 0 && printer.health.state === 'busy', 5_000, 'the job to be written');
    await virtual.unplug();
    expect(await job).toEqual({ status: 'failed', reason: 'write-failed' });
    expect(virtual.printBytes()).toBeLessThan(encodeReceipt(big, { codePage, columns: 42 }).length);
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'unplugged' });
    expect(await service.print(receipt)).toEqual({ status: 'failed', reason: 'no-printer' });
    // The printer kept what it had of the job through the unplug.
    expect(virtual.heldBytes()).toBeGreaterThan(0);

    // The device manager calls connect() again with backoff: not there yet, then back.
    expect(await printer.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    await virtual.replug();
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect([...virtual.receivedSincePlug().subarray(0, clearBuffersBytes.length)]).toEqual(clearBuffersBytes);
    expect(virtual.heldBytes()).toBe(0);
    await resumePrinting(virtual);
    expect(await service.print(receipt)).toEqual({ status: 'printed' });
    expect(virtual.receipts()).toHaveLength(1);
    expect(virtual.receipts().at(-1)?.qrCodes).toEqual([qrPayload]);
    expect(printedText(virtual)).toContain(germanLine);
    expect(printedWith(virtual, 'Abgebrochen')).toEqual([]);
  });

  it('with a device manager: unplug mid-job fails the job with health fault, a replug brings the printer back by itself', async () => {
    const { virtual, printer, service, log } = await rig();
    const manager = new DeviceManager({ clock: systemClock, logger: log.logger }, { initialMs: 100, maxMs: 400 });
    managers.push(manager);
    manager.add(printer);
    const history: string[] = [];
    manager.onChange((health) => {
      const [entry] = health;
      if (entry) history.push(`${entry.state}/${entry.reason}`);
    });
    await manager.start();
    expect(manager.health()[0]).toMatchObject({ state: 'ready', reason: 'ok' });

    virtual.pauseAfter(1);
    const job = service.print(marked('Abgebrochen', 200, 1200));
    await waitFor(() => virtual.printBytes() > 0 && printer.health.state === 'busy', 5_000, 'the job to be written');
    await virtual.unplug();
    expect(await job).toEqual({ status: 'failed', reason: 'write-failed' });
    expect(history).toContain('fault/unplugged');
    // The manager keeps trying on its own; the printer is not there yet.
    await waitFor(() => history.includes('absent/not-found'), 2_000, 'a reconnect attempt');

    await virtual.replug();
    await waitFor(() => manager.health()[0]?.state === 'ready', 3_000, 'the manager to bring the printer back');
    expect([...virtual.receivedSincePlug().subarray(0, clearBuffersBytes.length)]).toEqual(clearBuffersBytes);
    await resumePrinting(virtual);
    expect(await service.print(receipt)).toEqual({ status: 'printed' });
    expect(virtual.receipts()).toHaveLength(1);
    expect(printedWith(virtual, 'Abgebrochen')).toEqual([]);
  });

  it('fails a job whose pty closes right after its first bytes arrived', async () => {
    const { virtual, printer, service, reports } = await rig();
    await printer.connect();
    const unplugged = virtual.unplugAfter(1);
    const result = await service.print(marked('Kurz', 20));
    await unplugged;
    // Whether the cable goes while the bytes are written or while the status after the job is asked
    // for is a race; either way the job failed, and as it went during the job that is a fault.
    expect(result.status).toBe('failed');
    expect(['write-failed', 'no-answer']).toContain(result.status === 'failed' ? result.reason : null);
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'unplugged' });
    await virtual.replug();
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
  });

  it('notices an unplug while idle at the next status poll', async () => {
    const { virtual, printer, reports } = await rig({ statusPollSeconds: 1 });
    await printer.connect();
    await virtual.unplug();
    await waitFor(() => reports.at(-1)?.reason === 'unplugged', 3_000, 'unplugged health');
    expect(reports.at(-1)).toEqual({ state: 'absent', reason: 'unplugged' });
  });

  it('never prints a job that was pending at reset', async () => {
    const { virtual, printer, service, session } = await rig();
    await printer.connect();
    // A printer that does not answer keeps the first job in its status check, the second waits.
    virtual.setMode('silent');
    const first = service.print(marked('VERWORFEN-1'));
    const second = service.print(marked('VERWORFEN-2'));
    await waitFor(() => virtual.decoded().statusRequests.length > 3, 2_000, 'the status check of the first job');
    await service.resetParticipant().reset({ resetId: 'reset-1', reason: 'idle' });
    expect(await first).toEqual({ status: 'failed', reason: 'dropped' });
    expect(await second).toEqual({ status: 'failed', reason: 'dropped' });

    // The printer is fine again and the next person prints: only their receipt comes out.
    virtual.setMode('answer');
    session.id = 'session-2';
    expect(await service.print(marked('NEU'))).toEqual({ status: 'printed' });
    const received = Buffer.from(virtual.received()).toString('latin1');
    expect(received).not.toContain('VERWORFEN');
    expect(printedText(virtual).some((text) => text.startsWith('NEU'))).toBe(true);
    expect(virtual.receipts()).toHaveLength(1);
  });

  it('drops the job being written at reset on a slow printer: nothing of it prints after it goes on', async () => {
    const { virtual, printer, service, session } = await rig({ answerTimeoutMs: 300 });
    await printer.connect();
    virtual.pauseAfter(1);
    const writing = service.print(marked('LAUFEND', 200, 1200));
    const waiting = service.print(marked('WARTEND'));
    await waitFor(() => virtual.printBytes() > 0 && printer.health.state === 'busy', 5_000, 'the first job to be written');
    const started = Date.now();
    await service.resetParticipant().reset({ resetId: 'reset-2', reason: 'end' });
    // The stalled write was cancelled, not waited for (it would take far longer on this printer).
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await writing).toEqual({ status: 'failed', reason: 'dropped' });
    expect(await waiting).toEqual({ status: 'failed', reason: 'dropped' });
    expect(service.pendingJobs()).toBe(0);

    // The printer goes on: it gets what was on its way, then the clear, and prints none of it.
    await resumePrinting(virtual);
    expect(virtual.clearCommands()).toBe(2);
    session.id = 'session-2';
    expect(await service.print(marked('NEU'))).toEqual({ status: 'printed' });
    expect(printedWith(virtual, 'LAUFEND')).toEqual([]);
    expect(Buffer.from(virtual.received()).toString('latin1')).not.toContain('WARTEND');
    expect(printedWith(virtual, 'NEU')).toHaveLength(1);
    expect(virtual.receipts()).toHaveLength(1);
    // Far less of the job than it has reached the printer at all.
    expect(virtual.printBytes()).toBeLessThan(encodeReceipt(marked('LAUFEND', 200, 1200), { codePage, columns: 42 }).length);
  });

  it('reports no-answer for a printer that never answers, and refuses jobs', async () => {
    const { virtual, printer, service } = await rig({ answerTimeoutMs: 300 });
    virtual.setMode('silent');
    const started = Date.now();
    expect(await printer.connect()).toEqual({ state: 'fault', reason: 'no-answer' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await service.print(receipt)).toEqual({ status: 'failed', reason: 'no-answer' });
    expect(virtual.printBytes()).toBe(0);
  });

  it('waits about a second for an answer by default', async () => {
    const { virtual, printer } = await rig();
    virtual.setMode('silent');
    const started = Date.now();
    expect(await printer.connect()).toEqual({ state: 'fault', reason: 'no-answer' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reports garbage for answers that are no status bytes, and refuses jobs', async () => {
    const { virtual, printer, service } = await rig();
    virtual.setMode('garbage');
    expect(await printer.connect()).toEqual({ state: 'fault', reason: 'garbage' });
    expect(await service.print(receipt)).toEqual({ status: 'failed', reason: 'no-answer' });
    expect(virtual.printBytes()).toBe(0);
    virtual.setMode('answer');
    expect(await printer.checkStatus()).toEqual({ state: 'ready', reason: 'ok' });
  });

  it('notices status changes through the periodic poll', async () => {
    const { virtual, printer, reports } = await rig({ statusPollSeconds: 1 });
    await printer.connect();
    virtual.setStatus({ paperNearEnd: true });
    await waitFor(() => reports.at(-1)?.reason === 'paper-near-end', 3_000, 'the poll to see paper near end');
    virtual.setStatus({ paperNearEnd: false, coverOpen: true });
    await waitFor(() => reports.at(-1)?.reason === 'cover-open', 3_000, 'the poll to see the cover open');
  });
});
