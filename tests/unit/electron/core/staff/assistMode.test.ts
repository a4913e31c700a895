import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AssistMode } from '#core/staff/assistMode';
import { createAuditLog } from '#core/staff/auditLog';
import type { StaffConfig } from '#shared/config/staffConfig';
import type { AssistView } from '#shared/contract/staffContract';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { allFiles, staffConfig, staffPin, wrongPin } from './staffFakes';

function setup(overrides: Partial<StaffConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-assist-'));
  const clock = new FakeClock();
  const log = captureLog('trace');
  const staff = staffConfig(overrides);
  const auditFile = join(dir, 'audit', 'staff-audit.jsonl');
  const lockoutFile = join(dir, 'staff', 'pin-lockout.json');
  const make = () => {
    const audit = createAuditLog({ file: auditFile, terminal: 'test-terminal', now: () => clock.now(), logger: log.logger });
    return new AssistMode({ staff, clock, logger: log.logger, audit, lockoutFile });
  };
  const auditLines = (): { action: string; outcome: string }[] =>
    readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string });
  return { dir, clock, log, make, auditLines, lockoutFile };
}

describe('assist mode', () => {
  it('the right PIN opens it until the configured idle time; the opening is heard and audited', async () => {
    const { clock, make, auditLines } = setup({ lockAfterSeconds: 60 });
    const assist = make();
    const views: AssistView[] = [];
    assist.onChange((view) => views.push(view));
    expect(assist.view()).toEqual({ mode: 'locked', configured: true, padLockedUntil: null, attemptsLeft: 5, locksAt: null });
    expect(await assist.unlock(staffPin)).toBe('open');
    expect(assist.isOpen()).toBe(true);
    expect(assist.view()).toEqual({ mode: 'open', configured: true, padLockedUntil: null, attemptsLeft: 5, locksAt: clock.now() + 60_000 });
    expect(views.map((view) => view.mode)).toEqual(['open']);
    expect(auditLines()).toEqual([expect.objectContaining({ action: 'unlock', outcome: 'open' })]);
  });

  it('locks itself after the idle time without a staff touch; each touch starts it over', async () => {
    const { clock, make, auditLines } = setup({ lockAfterSeconds: 60 });
    const assist = make();
    await assist.unlock(staffPin);
    clock.advance(50_000);
    assist.activity();
    expect(assist.view().locksAt).toBe(clock.now() + 60_000);
    clock.advance(59_000);
    expect(assist.isOpen()).toBe(true);
    clock.advance(1000);
    expect(assist.isOpen()).toBe(false);
    expect(assist.view().locksAt).toBeNull();
    // The audit log is appended with real file I/O: wait for it, however slow the disk is.
    await vi.waitFor(() => {
      expect(auditLines().map((line) => `${line.action}:${line.outcome}`)).toEqual(['unlock:open', 'auto-lock:done']);
    });
  });

  it('staff lock it; a lock by an action is audited as that action only', async () => {
    const { make, auditLines } = setup();
    const assist = make();
    await assist.unlock(staffPin);
    assist.lock('staff');
    assist.lock('staff');
    await assist.unlock(staffPin);
    assist.lock('action');
    // The audit log is appended with real file I/O: wait for it, however slow the disk is.
    await vi.waitFor(() => {
      expect(auditLines().map((line) => `${line.action}:${line.outcome}`)).toEqual(['unlock:open', 'lock:done', 'unlock:open']);
    });
  });

  it('wrong PINs count down; the fifth locks the pad for 30 s, in which no PIN is taken, the right one neither', async () => {
    const { clock, make, auditLines } = setup();
    const assist = make();
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(await assist.unlock(wrongPin)).toBe('wrong');
      left.push(assist.view().attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(await assist.unlock(wrongPin)).toBe('wrong');
    const lockedUntil = clock.now() + 30_000;
    expect(assist.view()).toMatchObject({ mode: 'locked', padLockedUntil: lockedUntil, attemptsLeft: 0 });
    expect(await assist.unlock(staffPin)).toBe('pad-locked');
    expect(await assist.unlock(wrongPin)).toBe('pad-locked');
    expect(assist.view().padLockedUntil).toBe(lockedUntil);
    expect(auditLines().map((line) => line.outcome)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'pad-locked', 'pad-locked']);
  });

  it('the pad unlocks by itself (heard as a change); the next wrong PIN locks it twice as long', async () => {
    const { clock, make } = setup();
    const assist = make();
    for (let i = 0; i < 5; i++) await assist.unlock(wrongPin);
    const views: AssistView[] = [];
    assist.onChange((view) => views.push(view));
    clock.advance(30_000);
    expect(views).toEqual([expect.objectContaining({ padLockedUntil: null, attemptsLeft: 1 })]);
    expect(await assist.unlock(wrongPin)).toBe('wrong');
    expect(assist.view().padLockedUntil).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    expect(await assist.unlock(wrongPin)).toBe('wrong');
    expect(assist.view().padLockedUntil).toBe(clock.now() + 120_000);
  });

  it('the lock survives a restart: a new instance on the same folder keeps the pad locked', async () => {
    const { clock, make, lockoutFile } = setup();
    const first = make();
    for (let i = 0; i < 5; i++) await first.unlock(wrongPin);
    const lockedUntil = first.view().padLockedUntil;
    first.dispose();
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toEqual({ failures: 5, locks: 1, lockedUntil });
    const second = make();
    expect(second.view()).toMatchObject({ padLockedUntil: lockedUntil, attemptsLeft: 0 });
    expect(await second.unlock(staffPin)).toBe('pad-locked');
    clock.advance(30_000);
    // The count carries over too: one more wrong PIN locks again, for longer.
    expect(await second.unlock(wrongPin)).toBe('wrong');
    expect(second.view().padLockedUntil).toBe(clock.now() + 60_000);
  });

  it('a right PIN after the lock opens and starts the count over (also on disk)', async () => {
    const { clock, make, lockoutFile } = setup();
    const assist = make();
    for (let i = 0; i < 5; i++) await assist.unlock(wrongPin);
    clock.advance(30_000);
    expect(await assist.unlock(staffPin)).toBe('open');
    expect(assist.view().attemptsLeft).toBe(5);
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toEqual({ failures: 0, locks: 0, lockedUntil: null });
    assist.lock('staff');
    expect(await make().unlock(wrongPin)).toBe('wrong');
  });

  it('guesses sent at once are checked one by one and counted', async () => {
    const { make } = setup();
    const assist = make();
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => assist.unlock(wrongPin)));
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'pad-locked', 'pad-locked']);
  });

  it('a corrupt lockout file starts with the pad locked and says so in the log', async () => {
    const { clock, make, lockoutFile, log } = setup();
    mkdirSync(join(lockoutFile, '..'), { recursive: true });
    writeFileSync(lockoutFile, '{"failures": 2, "locks"');
    const assist = make();
    expect(assist.view().padLockedUntil).toBe(clock.now() + 30_000);
    expect(log.entries().some((entry) => entry.event === 'staff-lockout-corrupt')).toBe(true);
    clock.advance(30_000);
    expect(await assist.unlock(staffPin)).toBe('open');
  });

  it('a lock far in the future (the clock was set back) lasts at most 15 min', () => {
    const { clock, make, lockoutFile } = setup();
    mkdirSync(join(lockoutFile, '..'), { recursive: true });
    writeFileSync(lockoutFile, JSON.stringify({ failures: 9, locks: 4, lockedUntil: clock.now() + 7 * 86_400_000 }));
    expect(make().view().padLockedUntil).toBe(clock.now() + 900_000);
  });

  it('without a usable hash the pad says assist mode is not set up, and no attempt counts', async () => {
    const { make, log } = setup({ pinHashes: [] });
    const assist = make();
    expect(assist.view().configured).toBe(false);
    expect(await assist.unlock(staffPin)).toBe('not-configured');
    expect(assist.view().attemptsLeft).toBe(5);
    expect(log.entries().some((entry) => entry.event === 'staff-not-configured')).toBe(true);
    const broken = setup({ pinHashes: ['scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'] });
    expect(broken.make().view().configured).toBe(false);
    expect(broken.log.entries().some((entry) => entry.event === 'staff-pin-hash-unusable')).toBe(true);
  });

  it('the PIN is in no file of the data folder and in no log line', async () => {
    const { clock, dir, make, log } = setup();
    const assist = make();
    await assist.unlock(staffPin);
    assist.lock('staff');
    for (let i = 0; i < 6; i++) await assist.unlock(wrongPin);
    clock.advance(30_000);
    await assist.unlock(staffPin);
    clock.advance(60_000);
    await vi.waitFor(() => {
      expect(allFiles(dir).length).toBeGreaterThanOrEqual(2);
    });
    const files = allFiles(dir);
    for (const { path, content } of files) {
      expect(content, path).not.toContain(staffPin);
      expect(content, path).not.toContain(wrongPin);
    }
    expect(log.raw()).not.toContain(staffPin);
    expect(log.raw()).not.toContain(wrongPin);
    expect(log.entries().some((entry) => entry.event === 'staff-unlock')).toBe(true);
  });
});
