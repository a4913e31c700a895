import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import type { DocumentService } from '#core/devices/documentReader/documentService';
import type { SimulatedSignalLight } from '#core/devices/signalLight/simulatedSignalLight';
import type { KioskConfig } from '#shared/config/kioskConfig';
import type { Receipt } from '#shared/devices/receipt';
import { td1Specimen } from '#tests/support/mrzSamples';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const trusted = { trusted: true, description: 'test' };
const receipt: Receipt = {
  blocks: [
    { type: 'text', text: 'Äpfel, Öl, Übergröße, Straße, 12,50 €' },
    { type: 'qr', payload: 'https://example.org' },
  ],
};

let core: KioskCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-devices-'));
  const config: KioskConfig = {
    ...testConfig(),
    devices: [
      { id: 'printer', kind: 'printer', driver: 'simulator' },
      { id: 'reader', kind: 'documentReader', driver: 'simulator' },
      { id: 'light', kind: 'signalLight', driver: 'simulator' },
    ],
  };
  const clock = new FakeClock();
  const log = captureLog('trace');
  core = createKioskCore({
    config,
    logger: log.logger,
    clock,
    reloadUi: () => undefined,
    deviceAccess: {
      dataDir,
      openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
      hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID')) },
    },
  });
  const events: string[] = [];
  core.onEvent((message) => {
    if (message.event === 'devices.changed') events.push(message.payload.devices.map((d) => `${d.id}:${d.state}`).join(','));
  });
  return { core, clock, dataDir, log, events };
}

/**
 * Ends the session and confirms the UI reset, as the renderer would. The other reset participants
 * do real file I/O, so this waits for each step rather than for a fixed number of turns.
 */
async function endSession(c: KioskCore): Promise<void> {
  await c.router.handle('session.end', {}, trusted);
  const resetId = await vi.waitFor(() => {
    const id = c.session.snapshot().resetId;
    if (id === null) throw new Error('no reset started yet');
    return id;
  });
  await c.router.handle('session.resetComplete', { resetId }, trusted);
  await vi.waitFor(() => {
    expect(c.session.snapshot().state).toBe('attract');
  });
}

describe('the core with the simulated devices of the default config', () => {
  it('reports every device ready over the contract and pushes health changes', async () => {
    const { core: c, events } = setup();
    await c.startDevices();
    const status = await c.router.handle('devices.status', {}, trusted);
    expect(status).toEqual({
      ok: true,
      value: {
        devices: [
          { id: 'printer', kind: 'printer', state: 'ready', reason: 'ok', simulated: true },
          { id: 'reader', kind: 'documentReader', state: 'ready', reason: 'ok', simulated: true },
          { id: 'light', kind: 'signalLight', state: 'ready', reason: 'ok', simulated: true },
        ],
      },
    });
    expect(events.at(-1)).toBe('printer:ready,reader:ready,light:ready');
  });

  it('prints a receipt of the session as a preview', async () => {
    const { core: c, dataDir } = setup();
    await c.startDevices();
    c.session.start();
    expect(await c.router.handle('printer.print', { receipt }, trusted)).toEqual({ ok: true, value: { status: 'printed' } });
    expect(readdirSync(join(dataDir, 'printer-preview')).some((f) => f.endsWith('.txt'))).toBe(true);
  });

  it('the light shows free in attract and in use during a session', async () => {
    const { core: c } = setup();
    await c.startDevices();
    const light = c.devices?.light as SimulatedSignalLight;
    expect(light.state).toBe('free');
    c.session.start();
    expect(light.state).toBe('in-use');
    await endSession(c);
    expect(light.state).toBe('free');
  });

  it('a document read belongs to the session and is gone after the reset', async () => {
    const { core: c, clock, dataDir, log } = setup();
    await c.startDevices();
    c.session.start();
    writeFileSync(join(dataDir, 'reader-inbox', 'card.mrz'), td1Specimen.lines.join('\n'));
    const documents = (c.devices?.documents ?? null) as DocumentService | null;
    // The simulator polls its inbox on the (fake) clock and reads the file with real I/O.
    for (let i = 0; i < 40 && !documents?.current(); i += 1) {
      clock.advance(600);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(documents?.current()?.ok).toBe(true);
    await endSession(c);
    expect(documents?.current()).toBeNull();
    expect(log.raw()).not.toContain('ERIKSSON');
  });
});
