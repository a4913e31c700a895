import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfFolderPrinter, type FolderFs } from '#core/portal/printing/pdfFolderPrinter';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Title (Erika Mustermann) >> endobj\n%%EOF\n');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pdf-folder-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(folder = 'printed-documents', fs?: FolderFs) {
  const dataDir = tempDir();
  const log = captureLog();
  const clock = new FakeClock(Date.UTC(2026, 4, 12, 9, 30, 15, 250));
  const printer = new PdfFolderPrinter({ kind: 'pdf-folder', folder }, { dataDir, logger: log.logger, clock, ...(fs ? { fs } : {}) });
  return { dataDir, log, clock, printer };
}

/** Real file operations, with a hook before each one (to abort or fail at an exact step). */
function hookedFs(before: (step: keyof FolderFs) => void): FolderFs {
  return {
    mkdir: async (path, options) => (before('mkdir'), fs.mkdir(path, options)),
    writeFile: async (path, data, options) => (before('writeFile'), fs.writeFile(path, data, options)),
    rename: async (from, to) => {
      before('rename');
      await fs.rename(from, to);
    },
    unlink: (path) => fs.unlink(path),
    readdir: (path) => fs.readdir(path),
  };
}

describe('pdf-folder printer: writing', () => {
  it('writes the exact bytes to <data folder>/<folder>/<ISO time>-<n>.pdf and leaves nothing else', async () => {
    const { dataDir, printer } = setup();
    const signal = new AbortController().signal;
    await expect(printer.print({ pdf, signal })).resolves.toEqual({ status: 'printed' });
    await expect(printer.print({ pdf, signal })).resolves.toEqual({ status: 'printed' });
    const folder = join(dataDir, 'printed-documents');
    expect(printer.folder).toBe(folder);
    expect(readdirSync(folder).sort()).toEqual(['2026-05-12T09-30-15.250Z-1.pdf', '2026-05-12T09-30-15.250Z-2.pdf']);
    expect(new Uint8Array(readFileSync(join(folder, '2026-05-12T09-30-15.250Z-1.pdf')))).toEqual(pdf);
  });

  it('never puts the title in the file name or the log', async () => {
    const { dataDir, printer, log } = setup();
    await printer.print({ pdf, signal: new AbortController().signal });
    expect(readdirSync(join(dataDir, 'printed-documents')).join()).not.toMatch(/Meldebest|Mustermann/);
    expect(log.raw()).not.toContain('Mustermann');
    expect(log.entries()).toContainEqual(
      expect.objectContaining({ event: 'document-print', printer: 'pdf-folder', outcome: 'printed', bytes: pdf.byteLength }),
    );
  });

  it('creates a missing folder (and its parents) only the kiosk user can read, files 0600', async () => {
    const { dataDir, printer } = setup('a/b/printed');
    await printer.print({ pdf, signal: new AbortController().signal });
    const folder = join(dataDir, 'a', 'b', 'printed');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(folder);
    expect(statSync(join(folder, file ?? '')).mode & 0o777).toBe(0o600);
  });

  it('takes an absolute folder as it is', async () => {
    const target = join(tempDir(), 'absolute');
    const { printer } = setup(target);
    expect(printer.folder).toBe(target);
    await printer.print({ pdf, signal: new AbortController().signal });
    expect(readdirSync(target)).toHaveLength(1);
  });

  it('answers printer-unavailable when the folder cannot be created (a file is in the way)', async () => {
    const { dataDir, printer, log } = setup('blocked');
    writeFileSync(join(dataDir, 'blocked'), 'not a folder');
    await expect(printer.print({ pdf, signal: new AbortController().signal })).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    expect(log.entries()).toContainEqual(expect.objectContaining({ outcome: 'failed', reason: 'printer-unavailable', code: 'EEXIST' }));
  });

  it('answers printer-unavailable below a file (ENOTDIR)', async () => {
    const { dataDir, printer } = setup('blocked/sub');
    writeFileSync(join(dataDir, 'blocked'), 'not a folder');
    await expect(printer.print({ pdf, signal: new AbortController().signal })).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
  });

  it('answers printer-unavailable when writing fails (disk full) and removes the partial file', async () => {
    const failing: FolderFs = {
      ...hookedFs(() => undefined),
      writeFile: async (path, data, options) => {
        await fs.writeFile(path, data.subarray(0, 5), options);
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      },
    };
    const { dataDir, printer } = setup('printed-documents', failing);
    await expect(printer.print({ pdf, signal: new AbortController().signal })).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    expect(readdirSync(join(dataDir, 'printed-documents'))).toEqual([]);
  });
});

describe('pdf-folder printer: abort (session reset)', () => {
  it('writes nothing for a job aborted before it started', async () => {
    const { dataDir, printer } = setup();
    const session = new AbortController();
    session.abort();
    await expect(printer.print({ pdf, signal: session.signal })).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    expect(readdirSync(join(dataDir, 'printed-documents'))).toEqual([]);
  });

  it.each(['mkdir', 'writeFile', 'rename'] as const)('leaves no file when the session ends just before %s', async (step) => {
    const session = new AbortController();
    const { dataDir, printer } = setup(
      'printed-documents',
      hookedFs((current) => {
        if (current === step) session.abort();
      }),
    );
    await expect(printer.print({ pdf, signal: session.signal })).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    expect(readdirSync(join(dataDir, 'printed-documents'))).toEqual([]);
  });

  it('leaves no file when the session ends while the rename runs', async () => {
    const session = new AbortController();
    const base = hookedFs(() => undefined);
    const { dataDir, printer } = setup('printed-documents', {
      ...base,
      rename: async (from, to) => {
        await fs.rename(from, to);
        session.abort();
      },
    });
    await expect(printer.print({ pdf, signal: session.signal })).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    expect(readdirSync(join(dataDir, 'printed-documents'))).toEqual([]);
  });

  it('keeps a document that was complete before the session ended (it is the printout)', async () => {
    const { dataDir, printer } = setup();
    const session = new AbortController();
    await expect(printer.print({ pdf, signal: session.signal })).resolves.toEqual({ status: 'printed' });
    session.abort();
    expect(readdirSync(join(dataDir, 'printed-documents'))).toHaveLength(1);
  });
});

describe('pdf-folder printer: nothing of a citizen stays', () => {
  it("deletes the session's documents when it ends, and a temp file an aborted job left; other files stay", async () => {
    const { dataDir, printer, log } = setup();
    await printer.print({ pdf, signal: new AbortController().signal });
    await printer.print({ pdf, signal: new AbortController().signal });
    const folder = join(dataDir, 'printed-documents');
    writeFileSync(join(folder, '.2026-05-12T09-30-15.250Z-3.pdf.0a1b2c3d4e5f.tmp'), '%PDF-1.7 half');
    writeFileSync(join(folder, 'README.txt'), 'not the kiosk’s');
    await printer.endSession();
    expect(readdirSync(folder)).toEqual(['README.txt']);
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'document-files-removed', files: 2 }));
  });

  it('at start deletes what an earlier run left (a crash before the session ended)', async () => {
    const first = setup();
    await first.printer.print({ pdf, signal: new AbortController().signal });
    const folder = join(first.dataDir, 'printed-documents');
    const second = new PdfFolderPrinter({ kind: 'pdf-folder', folder }, { dataDir: first.dataDir, logger: captureLog().logger, clock: first.clock });
    await second.sweep();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a missing folder is nothing to sweep', async () => {
    const { printer } = setup('never-made');
    await expect(printer.sweep()).resolves.toBeUndefined();
    await expect(printer.endSession()).resolves.toBeUndefined();
  });
});
