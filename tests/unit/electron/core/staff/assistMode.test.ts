import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HelpCallContext } from '#core/help/helpCall';
import { AssistMode, padLockAlertScreens } from '#core/staff/assistMode';
import { createAuditLog } from '#core/staff/auditLog';
import type { StaffConfig } from '#shared/config/staffConfig';
import type { AssistView } from '#shared/contract/staffContract';
import { ok, type Result } from '#shared/result';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { allFiles, cheapPinHash, staffConfig, staffPin, staffPinHash, wrongPin } from './staffFakes';

function setup(overrides: Partial<StaffConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-assist-'));
  const clock = new FakeClock();
  const log = captureLog('trace');
  let staff = staffConfig(overrides);
  const auditFile = join(dir, 'audit', 'staff-audit.jsonl');
  const lockoutFile = join(dir, 'staff', 'pin-lockout.json');
  /** What the help channels were asked to tell staff (HelpService.alert). */
  const alerts: HelpCallContext[] = [];
  const help = {
    alert: vi.fn((context: HelpCallContext): Promise<Result<void>> => {
      alerts.push(context);
      return Promise.resolve(ok(undefined));
    }),
  };
  const make = () => {
    const audit = createAuditLog({ file: auditFile, terminal: 'test-terminal', now: () => clock.now(), logger: log.logger });
    return new AssistMode({ staff, clock, logger: log.logger, audit, lockoutFile, alerts: { help, language: 'de' } });
  };
  /** IT deploys another set of PIN hashes (the config is read at the next start). */
  const deployPinHashes = (hashes: readonly string[]): void => {
    staff = { ...staff, pinHashes: hashes };
  };
  const auditLines = (): { action: string; outcome: string }[] =>
    readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string });
  return { dir, clock, log, make, auditLines, lockoutFile, alerts, deployPinHashes };
}

describe('assist mode', () => {
  it('the right PIN opens it until the configured idle time; the opening is heard and audited', async () => {
    const { clock, make, auditLines } = setup({ lockAfterSeconds: 60 });
    const assist = make();
    const views: AssistView[] = [];
    assist.onChange((view) => views.push(view));
    expect(assist.view()).toEqual({ mode: 'locked', configured: true, padLockedUntil: null, padLockedForGood: false, attemptsLeft: 5, locksAt: null });
    expect(await assist.unlock(staffPin)).toBe('open');
    expect(assist.isOpen()).toBe(true);
    expect(assist.view()).toEqual({
      mode: 'open',
      configured: true,
      padLockedUntil: null,
      padLockedForGood: false,
      attemptsLeft: 5,
      locksAt: clock.now() + 60_000,
    });
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
    expect(auditLines().map((line) => `${line.action}:${line.outcome}`)).toEqual([
      ...Array.from({ length: 5 }, () => 'unlock:wrong'),
      'pin-pad:first-lock',
      'unlock:pad-locked',
      'unlock:pad-locked',
    ]);
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
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toEqual({
      failures: 5,
      locks: 1,
      lockedUntil,
      lockedForGood: false,
      pinSet: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
    });
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
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toMatchObject({ failures: 0, locks: 0, lockedUntil: null, lockedForGood: false });
    assist.lock('staff');
    expect(await make().unlock(wrongPin)).toBe('wrong');
  });

  it('guesses sent at once are checked one by one and counted', async () => {
    const { make } = setup();
    const assist = make();
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => assist.unlock(wrongPin)));
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'pad-locked', 'pad-locked']);
  });

  it('a corrupt lockout file never unlocks: the pad stays locked until IT resets the PIN, and says so in the log', async () => {
    const { clock, make, lockoutFile, log, alerts, deployPinHashes } = setup();
    mkdirSync(join(lockoutFile, '..'), { recursive: true });
    writeFileSync(lockoutFile, '{"failures": 2, "locks"');
    const assist = make();
    expect(assist.view()).toMatchObject({ padLockedForGood: true, padLockedUntil: null, attemptsLeft: 0 });
    expect(log.entries().some((entry) => entry.event === 'staff-lockout-corrupt')).toBe(true);
    clock.advance(7 * 86_400_000);
    expect(await assist.unlock(staffPin)).toBe('pad-locked');
    expect(alerts.map((alert) => alert.screen)).toEqual(['staff-pin-locked-permanently']);
    // Saved as a lock for good, so a restart keeps it and new PIN hashes (IT's reset) lift it.
    assist.dispose();
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toMatchObject({ lockedForGood: true });
    expect(make().view().padLockedForGood).toBe(true);
    deployPinHashes([cheapPinHash(staffPin)]);
    expect(await make().unlock(staffPin)).toBe('open');
  });

  it('after staff.lockAfterFailures wrong PINs the pad stays locked: no time-out, not after a restart, not for the right PIN', async () => {
    const { clock, make, lockoutFile, log } = setup({ lockAfterFailures: 8 });
    const assist = make();
    const views: AssistView[] = [];
    assist.onChange((view) => views.push(view));
    for (let i = 0; i < 8; i++) {
      clock.advance(15 * 60_000);
      expect(await assist.unlock(wrongPin)).toBe('wrong');
    }
    expect(assist.view()).toMatchObject({ mode: 'locked', padLockedForGood: true, padLockedUntil: null, attemptsLeft: 0 });
    expect(views.at(-1)).toMatchObject({ padLockedForGood: true });
    expect(log.entries().some((entry) => entry.event === 'staff-pad-locked' && entry.lock === 'locked-for-good')).toBe(true);
    clock.advance(30 * 86_400_000);
    expect(await assist.unlock(staffPin)).toBe('pad-locked');
    assist.dispose();
    expect(JSON.parse(readFileSync(lockoutFile, 'utf8'))).toMatchObject({ failures: 8, lockedForGood: true, lockedUntil: null });
    const restarted = make();
    expect(restarted.view()).toMatchObject({ padLockedForGood: true, attemptsLeft: 0 });
    expect(await restarted.unlock(staffPin)).toBe('pad-locked');
  });

  it('IT resets the PIN: new PIN hashes lift the lock for good at the next start (audited); the same hashes in another order do not', async () => {
    const colleague = cheapPinHash('11223344');
    const { make, clock, log, auditLines, deployPinHashes } = setup({ lockAfterFailures: 6, pinHashes: [staffPinHash(), colleague] });
    const first = make();
    for (let i = 0; i < 6; i++) {
      clock.advance(15 * 60_000);
      await first.unlock(wrongPin);
    }
    expect(first.view().padLockedForGood).toBe(true);
    first.dispose();
    deployPinHashes([colleague, staffPinHash()]);
    expect(make().view().padLockedForGood).toBe(true);
    const newPin = '90817263';
    deployPinHashes([cheapPinHash(newPin)]);
    const second = make();
    expect(second.view()).toMatchObject({ padLockedForGood: false, padLockedUntil: null, attemptsLeft: 5 });
    expect(log.entries().some((entry) => entry.event === 'staff-lockout-reset' && entry.wasLockedForGood === true)).toBe(true);
    expect(await second.unlock(staffPin)).toBe('wrong');
    expect(await second.unlock(newPin)).toBe('open');
    expect(auditLines().map((line) => `${line.action}:${line.outcome}`)).toContain('pin-pad:reset-new-pins');
  });

  it('deleting the lockout file (IT, with the kiosk stopped) lifts the lock for good', async () => {
    const { make, clock, lockoutFile } = setup({ lockAfterFailures: 6 });
    const first = make();
    for (let i = 0; i < 6; i++) {
      clock.advance(15 * 60_000);
      await first.unlock(wrongPin);
    }
    first.dispose();
    rmSync(lockoutFile);
    expect(await make().unlock(staffPin)).toBe('open');
  });

  it('staff hear of the first lock since the last right PIN and of the lock for good through the help channels, once each, without the PIN', async () => {
    const { make, clock, alerts, log, auditLines } = setup({ lockAfterFailures: 9 });
    const assist = make();
    for (let i = 0; i < 4; i++) await assist.unlock(wrongPin);
    expect(alerts).toEqual([]);
    await assist.unlock(wrongPin);
    expect(alerts).toEqual([{ screen: padLockAlertScreens['first-lock'], language: 'de' }]);
    expect(padLockAlertScreens['first-lock']).toBe('staff-pin-locked');
    // Later temporary locks are no news to staff.
    clock.advance(30_000);
    await assist.unlock(wrongPin);
    expect(alerts).toHaveLength(1);
    // A right PIN starts over: the next first lock is news again.
    clock.advance(60_000);
    expect(await assist.unlock(staffPin)).toBe('open');
    assist.lock('staff');
    for (let i = 0; i < 5; i++) await assist.unlock(wrongPin);
    expect(alerts.map((alert) => alert.screen)).toEqual(['staff-pin-locked', 'staff-pin-locked']);
    for (let i = 0; i < 4; i++) {
      clock.advance(15 * 60_000);
      await assist.unlock(wrongPin);
    }
    expect(assist.view().padLockedForGood).toBe(true);
    expect(alerts.map((alert) => alert.screen)).toEqual(['staff-pin-locked', 'staff-pin-locked', 'staff-pin-locked-permanently']);
    const sent = JSON.stringify(alerts);
    expect(sent).not.toContain(wrongPin);
    expect(sent).not.toContain(staffPin);
    expect(sent).not.toMatch(/\d/);
    expect(log.raw()).not.toContain(wrongPin);
    expect(auditLines().map((line) => `${line.action}:${line.outcome}`)).toEqual(expect.arrayContaining(['pin-pad:first-lock', 'pin-pad:locked-for-good']));
  });

  it('a failed alert is logged and the attempt still answered', async () => {
    const { log } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-assist-'));
    const help = { alert: () => Promise.resolve<Result<void>>({ ok: false, error: { code: 'unavailable' } }) };
    const audit = createAuditLog({ file: null, terminal: 'test-terminal', now: () => 0, logger: log.logger });
    const assist = new AssistMode({
      staff: staffConfig(),
      clock: new FakeClock(),
      logger: log.logger,
      audit,
      lockoutFile: join(dir, 'pin-lockout.json'),
      alerts: { help, language: 'de' },
    });
    for (let i = 0; i < 5; i++) expect(await assist.unlock(wrongPin)).toBe('wrong');
    expect(log.entries().some((entry) => entry.event === 'staff-pad-alert-failed')).toBe(true);
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
