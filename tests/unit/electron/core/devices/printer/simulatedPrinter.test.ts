import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '#core/devices/device';
import { encodeReceipt } from '#core/devices/printer/escposReceiptEncoder';
import { formatPreview, SimulatedPrinter, type PrinterSimulatorConfig } from '#core/devices/printer/simulatedPrinter';
import type { Receipt } from '#shared/devices/receipt';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { printerDeps } from './printerTestDeps';

const options = { codePage: { name: 'cp858', escT: 19 }, columns: 42 } as const;
const receipt: Receipt = {
  blocks: [
    { type: 'text', text: 'Bürgerservice', bold: true, size: 'large', align: 'center' },
    { type: 'text', text: 'Äpfel, Öl, Übergröße, Straße, 12,50 €' },
    { type: 'qr', payload: 'https://x.de/a' },
    { type: 'rule' },
    { type: 'text', text: 'rechts', align: 'right' },
  ],
};

let dir: string;
let clock: FakeClock;

function simulator(config: Partial<PrinterSimulatorConfig> = {}): SimulatedPrinter {
  const { deps } = printerDeps({ clock, dataDir: dir });
  return new SimulatedPrinter({ id: 'printer', kind: 'printer', driver: 'simulator', ...config }, deps);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'printer-sim-'));
  clock = new FakeClock(Date.UTC(2025, 0, 31, 9, 15, 0));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SimulatedPrinter', () => {
  it('is a simulated printer, absent before connect and ready after, with the default preview folder', async () => {
    const printer = simulator();
    expect(printer.simulated).toBe(true);
    expect(printer.kind).toBe('printer');
    expect(await printer.checkStatus()).toMatchObject({ state: 'absent' });
    expect(await printer.write(Uint8Array.of(0x41, 0x0a))).toEqual({ ok: false, reason: 'no-printer' });
    expect(await printer.connect()).toEqual({ state: 'ready', reason: 'ok' });
    expect(printer.previewDir).toBe(join(dir, 'printer-preview'));
    expect(await readdir(printer.previewDir)).toEqual([]);
  });

  it('writes a readable text preview and one SVG per QR code for each job', async () => {
    const printer = simulator();
    await printer.connect();
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: true });
    clock.advance(1000);
    expect(
      await printer.write(
        encodeReceipt(
          {
            blocks: [
              { type: 'qr', payload: 'one' },
              { type: 'qr', payload: 'two' },
            ],
          },
          options,
        ),
      ),
    ).toEqual({ ok: true });

    const files = (await readdir(printer.previewDir)).sort();
    expect(files).toEqual([
      'receipt-2025-01-31T09-15-00.000Z-1-qr-1.svg',
      'receipt-2025-01-31T09-15-00.000Z-1.txt',
      'receipt-2025-01-31T09-15-01.000Z-2-qr-1.svg',
      'receipt-2025-01-31T09-15-01.000Z-2-qr-2.svg',
      'receipt-2025-01-31T09-15-01.000Z-2.txt',
    ]);
    const text = await readFile(join(printer.previewDir, files[1] ?? ''), 'utf8');
    expect(text).toBe(
      [
        `${' '.repeat(8)}**Bürgerservice**`,
        'Äpfel, Öl, Übergröße, Straße, 12,50 €',
        `${' '.repeat(11)}[QR: https://x.de/a]`,
        '',
        '-'.repeat(42),
        `${' '.repeat(36)}rechts`,
        '',
        '',
        '',
        '--- cut ---',
        '',
      ].join('\n'),
    );
    const svg = await readFile(join(printer.previewDir, files[0] ?? ''), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="[^"]+"/);
    expect(svg).toContain('<path');
    const second = await readFile(join(printer.previewDir, files[4] ?? ''), 'utf8');
    expect(second).toContain('[QR: one]');
    expect(second).toContain('[QR: two]');
  });

  it('uses the configured preview folder, code page and columns', async () => {
    const previewDir = join(dir, 'elsewhere');
    const printer = simulator({ previewDir, codePage: { name: 'windows1252', escT: 16 }, columns: 32 });
    await printer.connect();
    await printer.write(
      encodeReceipt({ blocks: [{ type: 'text', text: 'Gebühr 5 €', align: 'right' }] }, { codePage: { name: 'windows1252', escT: 16 }, columns: 32 }),
    );
    const [file] = (await readdir(previewDir)).filter((f) => f.endsWith('.txt'));
    expect(await readFile(join(previewDir, file ?? ''), 'utf8')).toContain(`${' '.repeat(22)}Gebühr 5 €\n`);
  });

  it('reports and refuses according to setStatus()', async () => {
    const printer = simulator();
    const reports: HealthReport[] = [];
    printer.onHealth((report) => reports.push(report));
    await printer.connect();
    printer.setStatus('paper-near-end');
    printer.setStatus('paper-end');
    expect(await printer.checkStatus()).toEqual({ state: 'fault', reason: 'paper-end' });
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: false, reason: 'paper-end' });
    printer.setStatus('cover-open');
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: false, reason: 'cover-open' });
    printer.setStatus('offline');
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: false, reason: 'offline' });
    expect(await readdir(printer.previewDir)).toEqual([]);
    printer.setStatus('ok');
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: true });
    expect(reports).toEqual([
      { state: 'ready', reason: 'ok' },
      { state: 'warning', reason: 'paper-near-end' },
      { state: 'fault', reason: 'paper-end' },
      { state: 'fault', reason: 'cover-open' },
      { state: 'fault', reason: 'offline' },
      { state: 'ready', reason: 'ok' },
    ]);
  });

  it('reads status.json at each status check; missing or invalid content means ok', async () => {
    const printer = simulator();
    await printer.connect();
    const statusFile = join(printer.previewDir, 'status.json');
    const statusAfter = async (content: string | null): Promise<HealthReport> => {
      await rm(statusFile, { recursive: true, force: true });
      if (content !== null) await writeFile(statusFile, content);
      return printer.checkStatus();
    };
    expect(await statusAfter('{ "status": "paper-end" }')).toEqual({ state: 'fault', reason: 'paper-end' });
    expect(await statusAfter('{ "status": "paper-near-end" }')).toEqual({ state: 'warning', reason: 'paper-near-end' });
    expect(await statusAfter('{ "status": "offline" }')).toEqual({ state: 'fault', reason: 'offline' });
    expect(await statusAfter('{ "status": "cover-open" }')).toEqual({ state: 'fault', reason: 'cover-open' });
    expect(await statusAfter(null)).toEqual({ state: 'ready', reason: 'ok' });
    for (const invalid of ['not json', '{ "status": "on fire" }', '"paper-end"', 'null', '[]', '{ "status": 3 }', '']) {
      expect(await statusAfter('{ "status": "paper-end" }')).toMatchObject({ state: 'fault' });
      expect(await statusAfter(invalid)).toEqual({ state: 'ready', reason: 'ok' });
    }
    // A folder where the file should be cannot be read: ok, no crash.
    await rm(statusFile, { force: true });
    await mkdir(statusFile);
    expect(await printer.checkStatus()).toEqual({ state: 'ready', reason: 'ok' });
  });

  it('combines the file and setStatus(): the worse condition wins', async () => {
    const printer = simulator();
    await printer.connect();
    await writeFile(join(printer.previewDir, 'status.json'), '{ "status": "offline" }');
    printer.setStatus('paper-near-end');
    expect(await printer.checkStatus()).toEqual({ state: 'fault', reason: 'offline' });
    await writeFile(join(printer.previewDir, 'status.json'), '{ "status": "ok" }');
    expect(await printer.checkStatus()).toEqual({ state: 'warning', reason: 'paper-near-end' });
  });

  it('returns write-failed instead of throwing when the preview folder is gone or unusable', async () => {
    const printer = simulator();
    const reports: HealthReport[] = [];
    printer.onHealth((report) => reports.push(report));
    await printer.connect();
    await rm(printer.previewDir, { recursive: true });
    await writeFile(printer.previewDir, 'a file, not a folder');
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: false, reason: 'write-failed' });
    expect(reports.at(-1)).toEqual({ state: 'fault', reason: 'write-failed' });
  });

  it('reports write-failed when the preview folder cannot be created', async () => {
    await writeFile(join(dir, 'blocker'), 'x');
    const printer = simulator({ previewDir: join(dir, 'blocker', 'previews') });
    expect(await printer.connect()).toEqual({ state: 'fault', reason: 'write-failed' });
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'no-printer' });
  });

  it('abort() discards a job whose preview is still pending: no file, result dropped', async () => {
    const printer = simulator();
    await printer.connect();
    const withQr = printer.write(encodeReceipt(receipt, options));
    await printer.abort();
    expect(await withQr).toEqual({ ok: false, reason: 'dropped' });
    const plain = printer.write(encodeReceipt({ blocks: [{ type: 'text', text: 'x' }] }, options));
    await printer.abort();
    expect(await plain).toEqual({ ok: false, reason: 'dropped' });
    expect(await readdir(printer.previewDir)).toEqual([]);
    // Later jobs print again.
    expect(await printer.write(encodeReceipt(receipt, options))).toEqual({ ok: true });
    expect((await readdir(printer.previewDir)).filter((f) => f.endsWith('.txt'))).toHaveLength(1);
  });

  it("endSession deletes the session's receipt previews (what the citizen printed); the status file stays", async () => {
    const printer = simulator();
    await printer.connect();
    await printer.write(encodeReceipt(receipt, options));
    await writeFile(join(printer.previewDir, 'status.json'), '{"status":"ok"}');
    await printer.endSession();
    expect(await readdir(printer.previewDir)).toEqual(['status.json']);
  });

  it('deletes the receipts a killed run left when it connects; the status file stays', async () => {
    const first = simulator();
    await first.connect();
    await first.write(encodeReceipt(receipt, options));
    await writeFile(join(first.previewDir, 'status.json'), '{"status":"ok"}');
    expect((await readdir(first.previewDir)).length).toBeGreaterThan(1);
    // No endSession: the process was killed. The next run's printer finds the folder as it was.
    await simulator().connect();
    expect(await readdir(first.previewDir)).toEqual(['status.json']);
  });

  it('is absent again after disconnect', async () => {
    const printer = simulator();
    await printer.connect();
    await printer.disconnect();
    expect(await printer.write(Uint8Array.of(0x41))).toEqual({ ok: false, reason: 'no-printer' });
    expect((await printer.checkStatus()).state).toBe('absent');
  });
});

describe('formatPreview', () => {
  it('places text by alignment over the columns, counting wide characters, and marks bold, QR codes and cuts', () => {
    const size1 = { width: 1, height: 1 };
    const text = formatPreview(
      [
        { type: 'line', line: { text: 'abc', bold: false, align: 'center', size: size1 } },
        { type: 'line', line: { text: 'abc', bold: true, align: 'right', size: size1 } },
        { type: 'line', line: { text: 'ab', bold: false, align: 'right', size: { width: 3, height: 3 } } },
        { type: 'line', line: { text: '', bold: true, align: 'center', size: size1 } },
        { type: 'qr', payload: 'xy', align: 'right', moduleSize: 6 },
        { type: 'cut', partial: false },
      ],
      10,
    );
    expect(text).toBe(['   abc', '       **abc**', '    ab', '', '  [QR: xy]', '--- cut ---', ''].join('\n'));
  });
});
