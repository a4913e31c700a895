import { describe, expect, it, vi } from 'vitest';
import { DailyRestart, nextRestartAt } from '#core/app/dailyRestart';
import { restartExitCode } from '#shared/exitCodes';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const at = (iso: string): number => Date.parse(iso);

describe('nextRestartAt', () => {
  it('is today at the configured time when that is still ahead, else tomorrow (office time)', () => {
    // 03:30 in Berlin is 02:30 UTC in winter.
    expect(new Date(nextRestartAt(at('2026-12-07T01:00:00Z'), 3 * 60 + 30)).toISOString()).toBe('2026-12-07T02:30:00.000Z');
    expect(new Date(nextRestartAt(at('2026-12-07T02:30:00Z'), 3 * 60 + 30)).toISOString()).toBe('2026-12-08T02:30:00.000Z');
    // Summer: 03:30 in Berlin is 01:30 UTC.
    expect(new Date(nextRestartAt(at('2026-07-01T12:00:00Z'), 3 * 60 + 30)).toISOString()).toBe('2026-07-02T01:30:00.000Z');
  });

  it('on the night the clocks go forward, a time in the skipped hour means the end of the gap', () => {
    // 2026-03-29: 02:00 → 03:00 in Berlin; 02:30 does not exist, the restart runs at 03:00 (01:00 UTC).
    expect(new Date(nextRestartAt(at('2026-03-28T23:00:00Z'), 2 * 60 + 30)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

function setUp(options: { quiet: boolean; open: boolean }) {
  const clock = new FakeClock(at('2026-12-07T01:00:00Z'));
  const state = { ...options };
  const exit = vi.fn();
  const log = captureLog();
  const restart = new DailyRestart({
    minute: 3 * 60 + 30,
    isQuiet: () => state.quiet,
    isOfficeOpen: () => state.open,
    exit,
    logger: log.logger,
    clock,
  });
  return { clock, state, exit, log, restart };
}

describe('DailyRestart', () => {
  it('ends the process with the restart code at the configured time when the terminal is quiet and the office closed', () => {
    const { clock, exit, restart, log } = setUp({ quiet: true, open: false });
    restart.start();
    clock.advance(90 * 60_000 - 1);
    expect(exit).not.toHaveBeenCalled();
    clock.advance(1);
    expect(exit).toHaveBeenCalledWith(restartExitCode);
    expect(log.raw()).toContain('"event":"daily-restart"');
  });

  it('waits while someone uses the terminal, then restarts within a minute of it being quiet', () => {
    const { clock, exit, restart, state } = setUp({ quiet: false, open: false });
    restart.start();
    clock.advance(90 * 60_000 + 5 * 60_000);
    expect(exit).not.toHaveBeenCalled();
    state.quiet = true;
    clock.advance(60_000);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('never restarts while the office is open', () => {
    const { clock, exit, restart, state } = setUp({ quiet: true, open: true });
    restart.start();
    clock.advance(6 * 60 * 60_000);
    expect(exit).not.toHaveBeenCalled();
    state.open = false;
    clock.advance(60_000);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('stop cancels it', () => {
    const { clock, exit, restart } = setUp({ quiet: true, open: false });
    restart.start();
    restart.stop();
    clock.advance(24 * 60 * 60_000);
    expect(exit).not.toHaveBeenCalled();
  });
});
