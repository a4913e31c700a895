import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { counterNames, Counters } from '#core/stats/counters';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

/** 23:59:58 in Berlin (CET, UTC+1) on 17 March 2026. */
const beforeMidnight = Date.parse('2026-03-17T22:59:58.000Z');

function setup(start = beforeMidnight) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-counters-'));
  const file = join(dir, 'stats', 'counters.json');
  const clock = new FakeClock(start);
  const log = captureLog();
  const make = () => new Counters({ file, clock, logger: log.logger, flushMs: 5000 });
  return { file, clock, log, make };
}

/** Lets the real file writes finish. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
}

describe('anonymous counters', () => {
  it('count today and in total; every name is shown, 0 when nothing happened', () => {
    const { make } = setup();
    const counters = make();
    counters.increment('sessions-started');
    counters.increment('sessions-started');
    counters.increment('help-requested');
    const view = counters.view();
    expect(view.day).toBe('2026-03-17');
    expect(Object.keys(view.today).sort()).toEqual([...counterNames].sort());
    expect(view.today['sessions-started']).toBe(2);
    expect(view.total['help-requested']).toBe(1);
    expect(view.today.prints).toBe(0);
  });

  it('start a new day at Berlin midnight, whatever the machine time zone; the total goes on', () => {
    const { clock, make } = setup();
    const counters = make();
    counters.increment('sessions-started');
    clock.advance(2000);
    expect(counters.view().day).toBe('2026-03-18');
    expect(counters.view().today['sessions-started']).toBe(0);
    counters.increment('sessions-started');
    expect(counters.view().today['sessions-started']).toBe(1);
    expect(counters.view().total['sessions-started']).toBe(2);
  });

  it('are written at most every few seconds, and read again by a new instance', async () => {
    const { clock, file, make } = setup();
    const counters = make();
    for (let i = 0; i < 50; i++) counters.increment('prints');
    await settle();
    expect(existsSync(file)).toBe(false);
    clock.advance(5000);
    // The write is real (fsync and rename): wait for it, however slow the disk is just now.
    await vi.waitFor(
      () => {
        expect(existsSync(file)).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ day: '2026-03-17', total: { prints: 50 } });
    expect(clock.pending()).toBe(0);
    expect(make().view().total.prints).toBe(50);
  });

  it('flush writes what is pending at once (shutdown)', async () => {
    const { file, make } = setup();
    const counters = make();
    counters.increment('queue-tickets');
    await counters.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ total: { 'queue-tickets': 1 } });
  });

  it('a saved day that is over shows zero today but keeps the total', async () => {
    const { clock, make } = setup();
    const counters = make();
    counters.increment('help-resolved');
    await counters.flush();
    clock.advance(86_400_000);
    const next = make();
    expect(next.view()).toMatchObject({ day: '2026-03-18', today: { 'help-resolved': 0 }, total: { 'help-resolved': 1 } });
  });

  it('a corrupt file is moved aside and counting starts from zero', () => {
    const { file, log, make } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"day": "2026-03-17", "today": {"prints": -4}');
    const counters = make();
    expect(counters.view().total.prints).toBe(0);
    expect(readFileSync(`${file}.corrupt`, 'utf8')).toContain('-4');
    expect(log.entries().some((entry) => entry.event === 'counters-corrupt')).toBe(true);
  });

  it('without a file they count in memory and schedule nothing', () => {
    const clock = new FakeClock(beforeMidnight);
    const counters = new Counters({ file: null, clock, logger: captureLog().logger });
    counters.increment('prints');
    expect(counters.view().total.prints).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});
