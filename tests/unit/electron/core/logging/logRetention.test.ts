import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keepLogRetention, rotateLog } from '#core/logging/logRetention';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

const day = 86_400_000;

describe('the kiosk rotates its own log', () => {
  it('moves the log so far into a compressed file readable only by the kiosk, and empties the live file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    writeFileSync(join(dir, 'kiosk.log'), '{"event":"startup"}\n');
    expect(await rotateLog(dir, Date.parse('2026-12-07T03:00:00.000Z'))).toBe(true);
    const rotated = readdirSync(dir).filter((name) => name.endsWith('.gz'));
    expect(rotated).toEqual(['kiosk.log.2026-12-07T03-00-00-000Z.gz']);
    expect(gunzipSync(readFileSync(join(dir, rotated[0] ?? ''))).toString('utf8')).toBe('{"event":"startup"}\n');
    expect(statSync(join(dir, rotated[0] ?? '')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'kiosk.log'), 'utf8')).toBe('');
    // An empty or missing log is not rotated.
    expect(await rotateLog(dir, Date.parse('2026-12-08T03:00:00.000Z'))).toBe(false);
    expect(await rotateLog(mkdtempSync(join(tmpdir(), 'kiosk-logs-')), 0)).toBe(false);
  });

  it('rotates at start and every day, deletes rotations past the retention, and runs the daily extra', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    const clock = new FakeClock(Date.parse('2026-12-07T03:00:00.000Z'));
    const old = join(dir, 'kiosk.log.2026-11-01T03-00-00-000Z.gz');
    writeFileSync(old, '');
    const oldTime = (clock.now() - 20 * day) / 1000;
    utimesSync(old, oldTime, oldTime);
    writeFileSync(join(dir, 'kiosk.log'), 'line 1\n');
    let extras = 0;
    const retention = keepLogRetention({
      dir,
      days: 14,
      clock,
      logger: captureLog().logger,
      alsoDaily: () => {
        extras += 1;
        return Promise.resolve();
      },
    });
    await expect.poll(() => extras).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['kiosk.log', 'kiosk.log.2026-12-07T03-00-00-000Z.gz']);
    writeFileSync(join(dir, 'kiosk.log'), 'line 2\n');
    clock.advance(day);
    await flushPromises();
    await expect.poll(() => extras).toBe(2);
    expect(readdirSync(dir).filter((name) => name.endsWith('.gz'))).toHaveLength(2);
    retention.stop();
  });
});
