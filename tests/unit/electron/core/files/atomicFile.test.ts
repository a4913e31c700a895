import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicTempFileOf, removeAtomicTempFiles, writeFileAtomically } from '#core/files/atomicFile';

let root = '';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'atomic-file-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('atomic file writes', () => {
  it('creates the folder, writes UTF-8 and replaces the file, leaving no temporary file', async () => {
    const path = join(root, 'deep', 'state.json');
    expect(await writeFileAtomically(path, 'first ü\n')).toEqual({ ok: true, value: undefined });
    expect(await writeFileAtomically(path, 'second €\n')).toEqual({ ok: true, value: undefined });
    expect(readFileSync(path, 'utf8')).toBe('second €\n');
    expect(readdirSync(join(root, 'deep'))).toEqual(['state.json']);
  });

  it('concurrent writes each leave a whole file (one of them), never a mix', async () => {
    const path = join(root, 'state.json');
    const contents = Array.from({ length: 20 }, (_, i) => `${String(i)}:${'x'.repeat(10_000)}`);
    const results = await Promise.all(contents.map((content) => writeFileAtomically(path, content)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(contents).toContain(readFileSync(path, 'utf8'));
    expect(readdirSync(root)).toEqual(['state.json']);
  });

  it('fails as a value, with the error code, when the folder cannot be made', async () => {
    writeFileSync(join(root, 'blocker'), '');
    const result = await writeFileAtomically(join(root, 'blocker', 'state.json'), '{}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'internal', detail: expect.stringMatching(/^not written: E[A-Z]+$/) as unknown });
  });

  it('recognizes and removes only the temporary files of its own file', async () => {
    const path = join(root, 'outbox.json');
    expect(isAtomicTempFileOf(path, 'outbox.json.123.4.tmp')).toBe(true);
    expect(isAtomicTempFileOf(path, 'outbox.json.tmp')).toBe(false);
    expect(isAtomicTempFileOf(path, 'outbox.json.corrupt-2026.tmp')).toBe(false);
    expect(isAtomicTempFileOf(path, 'tickets.json.123.4.tmp')).toBe(false);
    expect(isAtomicTempFileOf(join(root, 'a.b'), 'aXb.1.2.tmp')).toBe(false);
    mkdirSync(root, { recursive: true });
    for (const name of ['outbox.json', 'outbox.json.99.1.tmp', 'outbox.json.99.2.tmp', 'tickets.json.99.1.tmp', 'outbox.json.corrupt-x'])
      writeFileSync(join(root, name), '');
    await removeAtomicTempFiles(path);
    expect(readdirSync(root).sort()).toEqual(['outbox.json', 'outbox.json.corrupt-x', 'tickets.json.99.1.tmp']);
    // A missing folder is not an error.
    await removeAtomicTempFiles(join(root, 'missing', 'outbox.json'));
  });
});
