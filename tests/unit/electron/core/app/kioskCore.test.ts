import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import type { KioskConfig } from '#shared/config/kioskConfig';
import { restartExitCode } from '#shared/exitCodes';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const trusted = { trusted: true, description: 'kiosk' };
const cores: KioskCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
});

/** A core with a data folder and an exit port, its clock at 01:00 office time (winter). */
function setUp(config: Partial<KioskConfig> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
  const clock = new FakeClock(Date.parse('2026-12-07T00:00:00Z'));
  const exits: number[] = [];
  const core = createKioskCore({
    config: { ...testConfig(), ...config },
    logger: captureLog().logger,
    clock,
    reloadUi: () => undefined,
    dataDir,
    exit: (code) => exits.push(code),
  });
  cores.push(core);
  return { core, clock, exits, dataDir };
}

describe('the core heals the terminal', () => {
  it('the daily restart waits for the running session to end, then ends the process with the restart code', async () => {
    const { core, clock, exits } = setUp({ maintenance: { dailyRestartMinute: 3 * 60 + 30, logRetentionDays: 14, auditRetentionDays: 90 } });
    await core.startDevices();
    core.session.start();
    clock.advance(2.5 * 60 * 60_000);
    expect(exits).toEqual([]);
    await core.session.reset('end');
    await flushPromises();
    const resetId = core.session.snapshot().resetId;
    if (resetId !== null) await core.router.handle('session.resetComplete', { resetId }, trusted);
    clock.advance(60_000);
    expect(exits).toEqual([restartExitCode]);
  });

  it('without a configured time there is no daily restart', async () => {
    const { core, clock, exits } = setUp();
    await core.startDevices();
    clock.advance(48 * 60 * 60_000);
    expect(exits).toEqual([]);
  });

  it('a kiosk page failing three times switches the terminal out of order and keeps it so after a restart', async () => {
    const { core, dataDir } = setUp();
    expect(await core.uiFailed('ui-crash')).toBe('reopen');
    expect(await core.uiFailed('ui-crash')).toBe('reopen');
    expect(await core.uiFailed('ui-crash')).toBe('reopen');
    expect(await core.uiFailed('ui-crash')).toBe('give-up');
    expect(core.help.view().status).toBe('requested');
    expect(JSON.parse(readFileSync(join(dataDir, 'staff', 'out-of-order.json'), 'utf8'))).toMatchObject({ outOfOrder: true });
  });

  it('every reset empties the clipboard, on the information terminal too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
    let cleared = 0;
    const core = createKioskCore({
      config: testConfig(),
      logger: captureLog().logger,
      clock: new FakeClock(),
      reloadUi: () => undefined,
      dataDir,
      clearClipboard: () => {
        cleared += 1;
        return Promise.resolve();
      },
    });
    cores.push(core);
    core.session.start();
    const resetting = core.session.reset('end');
    await flushPromises();
    const resetId = core.session.snapshot().resetId;
    if (resetId !== null) await core.router.handle('session.resetComplete', { resetId }, trusted);
    await resetting;
    expect(cleared).toBe(1);
  });
});

describe('the staff device list', () => {
  it("shows the workstation's document printer beside the devices, with a warning when CUPS keeps printed documents", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
    const cupsdConf = join(dataDir, 'cupsd.conf');
    writeFileSync(cupsdConf, 'PreserveJobFiles 1d\nPreserveJobHistory No\n');
    const events: unknown[] = [];
    const commands: string[] = [];
    const core = createKioskCore({
      config: { ...testConfig(), portal: { tiles: [], printer: { kind: 'cups', queue: 'Dokumente', cupsdConf } } },
      logger: captureLog().logger,
      clock: new FakeClock(),
      reloadUi: () => undefined,
      dataDir,
      portalSurface: { kind: 'frames', open: () => Promise.reject(new Error('no portal in this test')) },
      runCommand: (request) => {
        commands.push([request.command, ...request.args].join(' '));
        return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', startError: null });
      },
    });
    cores.push(core);
    core.onEvent((message) => {
      if (message.event === 'devices.changed') events.push(message.payload);
    });
    // The start purges the kiosk's queue, then reads cupsd.conf.
    await core.startDevices();
    expect(commands).toEqual(['cancel -x -a Dokumente']);
    const printer = { id: 'document-printer', kind: 'documentPrinter', state: 'warning', reason: 'cups-keeps-documents', simulated: false };
    expect(await core.router.handle('devices.status', {}, trusted)).toEqual({ ok: true, value: { devices: [printer] } });
    expect(events).toEqual([{ devices: [printer] }]);
  });
});
