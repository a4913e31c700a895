import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDocumentBytes, createDocumentPrinter, maxDocumentBytes } from '#core/portal/printing/documentPrinter';
import { documentPrintFailures } from '#shared/contract/portalContract';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { FakeCommandRunner, lpAccepted } from './fakeCommandRunner';

const encoder = new TextEncoder();
const pdf = encoder.encode('%PDF-1.4\n%%EOF\n');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function pdfOfSize(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set(encoder.encode('%PDF-'));
  return out;
}

describe('document bytes', () => {
  it.each([
    ['empty bytes', new Uint8Array(0), 'nothing-to-print'],
    ['HTML', encoder.encode('<!doctype html><p>Antrag</p>'), 'rejected'],
    ['PostScript', encoder.encode('%!PS-Adobe-3.0\n'), 'rejected'],
    ['a PDF header after a byte order mark', encoder.encode('\uFEFF%PDF-1.7'), 'rejected'],
    ['a PDF header after whitespace', encoder.encode(' %PDF-1.7'), 'rejected'],
    ['"%PDF" without the dash', encoder.encode('%PDF'), 'rejected'],
    ['"%PDF1.7" (no dash after the magic)', encoder.encode('%PDF1.7\n'), 'rejected'],
    ['lower-case "%pdf-"', encoder.encode('%pdf-1.7'), 'rejected'],
    ['one byte more than 50 MB', pdfOfSize(maxDocumentBytes + 1), 'too-large'],
  ])('refuses %s', (_label, bytes, reason) => {
    expect(checkDocumentBytes(bytes)).toBe(reason);
  });

  it('accepts a PDF, from the shortest header to exactly 50 MB', () => {
    expect(maxDocumentBytes).toBe(50 * 1024 * 1024);
    expect(checkDocumentBytes(encoder.encode('%PDF-'))).toBeNull();
    expect(checkDocumentBytes(pdf)).toBeNull();
    expect(checkDocumentBytes(pdfOfSize(maxDocumentBytes))).toBeNull();
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const buffer = encoder.encode('xx%PDF-1.7');
    expect(checkDocumentBytes(buffer.subarray(2))).toBeNull();
  });
});

describe('createDocumentPrinter', () => {
  const deps = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-document-printer-'));
    dirs.push(dataDir);
    const runner = new FakeCommandRunner();
    const log = captureLog();
    return { dataDir, runner, log, deps: { dataDir, logger: log.logger, run: runner.run, clock: new FakeClock() } };
  };

  it('answers no-printer without a config', async () => {
    const { deps: d } = deps();
    await expect(createDocumentPrinter(null, d).print({ pdf, signal: new AbortController().signal })).resolves.toEqual({
      status: 'failed',
      reason: 'no-printer',
    });
  });

  it('checks the bytes before anything reaches the printer', async () => {
    const { deps: d, runner, dataDir } = deps();
    const cups = createDocumentPrinter({ kind: 'cups', queue: 'Dokumente' }, d);
    const folder = createDocumentPrinter({ kind: 'pdf-folder', folder: 'out' }, d);
    const signal = new AbortController().signal;
    for (const printer of [cups, folder]) {
      await expect(printer.print({ pdf: new Uint8Array(0), signal })).resolves.toEqual({ status: 'failed', reason: 'nothing-to-print' });
      await expect(printer.print({ pdf: encoder.encode('<html>'), signal })).resolves.toEqual({ status: 'failed', reason: 'rejected' });
      await expect(printer.print({ pdf: pdfOfSize(maxDocumentBytes + 1), signal })).resolves.toEqual({ status: 'failed', reason: 'too-large' });
    }
    expect(runner.runs).toHaveLength(0);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('answers aborted for a job whose session has already ended, printer or not', async () => {
    const { deps: d, runner } = deps();
    const session = new AbortController();
    session.abort();
    for (const config of [null, { kind: 'cups', queue: 'Dokumente' } as const]) {
      await expect(createDocumentPrinter(config, d).print({ pdf, signal: session.signal })).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    }
    expect(runner.runs).toHaveLength(0);
  });

  it('routes a cups config to lp and a pdf-folder config into the data folder', async () => {
    const { deps: d, runner, dataDir } = deps();
    runner.answer = () => lpAccepted('Dokumente-1');
    const signal = new AbortController().signal;
    await expect(createDocumentPrinter({ kind: 'cups', queue: 'Dokumente' }, d).print({ pdf, signal })).resolves.toEqual({ status: 'printed' });
    expect(runner.of('lp')).toHaveLength(1);
    await expect(createDocumentPrinter({ kind: 'pdf-folder', folder: 'out' }, d).print({ pdf, signal })).resolves.toEqual({ status: 'printed' });
    expect(readdirSync(join(dataDir, 'out'))).toHaveLength(1);
  });

  it('turns a driver that throws into printer-unavailable instead of rejecting', async () => {
    const { deps: d } = deps();
    const printer = createDocumentPrinter({ kind: 'cups', queue: 'Dokumente' }, { ...d, run: () => Promise.reject(new Error('boom')) });
    await expect(printer.print({ pdf, signal: new AbortController().signal })).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
  });

  it('only ever answers reasons the UI knows', async () => {
    const { deps: d, runner } = deps();
    runner.answer = () => ({ exitCode: 1, stderr: 'lp: something new' });
    const outcome = await createDocumentPrinter({ kind: 'cups', queue: 'Dokumente' }, d).print({ pdf, signal: new AbortController().signal });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(documentPrintFailures).toContain(outcome.reason);
  });
});
