import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '#core/staff/auditLog';
import { captureLog } from '#tests/unit/support/logCapture';

const t0 = Date.parse('2026-03-17T09:15:00.000Z');

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('staff audit log', () => {
  it('appends one JSON line per entry with time, terminal, action and outcome only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'audit', 'staff-audit.jsonl');
    let now = t0;
    const audit = createAuditLog({ file, terminal: 'foyer-1', now: () => now, logger: captureLog().logger });
    await audit.record('unlock', 'wrong');
    now += 1000;
    await audit.record('out-of-order-on', 'done');
    expect(lines(file)).toEqual([
      { at: '2026-03-17T09:15:00.000Z', terminal: 'foyer-1', action: 'unlock', outcome: 'wrong' },
      { at: '2026-03-17T09:15:01.000Z', terminal: 'foyer-1', action: 'out-of-order-on', outcome: 'done' },
    ]);
  });

  it('keeps lines in order when recorded at once, and a new instance appends to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    const audit = createAuditLog({ file, terminal: 't', now: () => t0, logger: captureLog().logger });
    await Promise.all(['lock', 'auto-lock', 'unlock', 'reset-session'].map((action) => audit.record(action, 'done')));
    await createAuditLog({ file, terminal: 't', now: () => t0, logger: captureLog().logger }).record('quit-app', 'failed:not-confirmed');
    expect(lines(file).map((line) => line.action)).toEqual(['lock', 'auto-lock', 'unlock', 'reset-session', 'quit-app']);
  });

  it('writes only words of the code: anything else becomes "unknown"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    const audit = createAuditLog({ file, terminal: 't', now: () => t0, logger: captureLog().logger });
    await audit.record('unlock 1234', 'Max Mustermann');
    expect(lines(file)).toEqual([{ at: '2026-03-17T09:15:00.000Z', terminal: 't', action: 'unknown', outcome: 'unknown' }]);
  });

  it('rotates by size: .1 is the newest, at most `keep` old files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    // One line is about 90 bytes: three lines per file.
    const audit = createAuditLog({ file, terminal: 't', now: () => t0, logger: captureLog().logger, maxBytes: 300, keep: 3 });
    for (let i = 0; i < 20; i++) await audit.record(`action-${String(i)}`, 'done');
    expect(readdirSync(dir).sort()).toEqual(['staff-audit.jsonl', 'staff-audit.jsonl.1', 'staff-audit.jsonl.2', 'staff-audit.jsonl.3']);
    const paths = [file, `${file}.1`, `${file}.2`, `${file}.3`];
    for (const path of paths) expect(readFileSync(path).length).toBeLessThanOrEqual(300);
    const all = paths.map((path) => lines(path).map((line) => String(line.action)));
    // Newest last in the live file, older ones in .1, .2, .3; nothing out of order.
    const flat = all.reverse().flat();
    expect(flat.at(-1)).toBe('action-19');
    expect(flat).toEqual([...flat].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1])));
    expect(flat.length).toBeLessThan(20);
  });

  it('a file that cannot be written is logged, never thrown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    // A folder where the file should be: every append fails.
    mkdirSync(file);
    const log = captureLog();
    const audit = createAuditLog({ file, terminal: 't', now: () => t0, logger: log.logger });
    await expect(audit.record('lock', 'done')).resolves.toBeUndefined();
    expect(log.entries().some((entry) => entry.event === 'staff-audit-failed')).toBe(true);
    expect(existsSync(`${file}.1`)).toBe(false);
  });

  it('without a file keeps nothing', async () => {
    const audit = createAuditLog({ file: null, terminal: 't', now: () => t0, logger: captureLog().logger });
    await expect(audit.record('lock', 'done')).resolves.toBeUndefined();
  });
});

describe('staff audit log: retention in days', () => {
  it('deletes the lines older than the retention from the live and the rotated files, and a file left empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    const day = 86_400_000;
    let now = t0;
    // Small files: each line rotates the one before into .1, .2 …
    const audit = createAuditLog({ file, terminal: 't', now: () => now, logger: captureLog().logger, maxBytes: 150 });
    for (const action of ['unlock', 'lock', 'reset-session', 'unlock']) {
      await audit.record(action, 'done');
      now += 40 * day;
    }
    // The lines are 120, 80, 40 and 0 days old when the retention runs at 90 days.
    now -= 40 * day;
    const before = readdirSync(dir).sort();
    expect(await audit.prune(90)).toBe(1);
    const after = readdirSync(dir).sort();
    expect(after).toHaveLength(before.length - 1);
    const left = after.flatMap((name) => lines(join(dir, name)).map((line) => line.at));
    expect(left.sort()).toEqual([t0 + 40 * day, t0 + 80 * day, t0 + 120 * day].map((ms) => new Date(ms).toISOString()));
    // Appending goes on as before.
    await audit.record('lock', 'done');
    expect(lines(file).at(-1)).toMatchObject({ action: 'lock' });
    expect(await audit.prune(90)).toBe(0);
  });

  it('keeps everything within the retention and touches nothing without a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
    const file = join(dir, 'staff-audit.jsonl');
    const audit = createAuditLog({ file, terminal: 't', now: () => t0, logger: captureLog().logger });
    expect(await audit.prune(1)).toBe(0);
    await audit.record('unlock', 'open');
    expect(await audit.prune(1)).toBe(0);
    expect(lines(file)).toHaveLength(1);
  });
});
