import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHelpReceiver, type HelpReceiver } from '#tests/support/helpReceiver';
import { appRoot, fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { chimes, recordChimes } from './support/chimeRecorder';
import { closedPort } from './support/kioskProcess';
import { callForHelp, enterPin, openAssist, openStaffPad, setOutOfOrder, staffPin as pin } from './support/staff';
import { helpConfigFile } from './support/helpConfig';

/**
 * A human is always one tap away (docs/architecture.md, "Help calls and staff"): the citizen's call
 * reaches staff through the signal light and a signed webhook, staff acknowledge from afar and
 * resolve it in assist mode; a call survives a killed kiosk and a dead webhook; PINs stay secret;
 * out of order survives a restart.
 */

const secret = 'e2e-help-secret-0123456789abcdef0123456789';
const wrongPin = '135799';
const shots = join(appRoot, '.cache', 'screenshots');
const fixtureTerminalId = (JSON.parse(readFileSync(fixtureConfig('info-staff.json'), 'utf8')) as { terminal: { id: string } }).terminal.id;

let kiosk: RunningKiosk | undefined;
let receiver: HelpReceiver | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  await receiver?.close();
  receiver = undefined;
});

interface LightLine {
  readonly state: string;
  readonly blink: boolean;
  readonly report: readonly number[];
}

/** What the simulated signal light showed, as it records it in the data folder. */
function lightLines(dataDir: string): LightLine[] {
  const file = join(dataDir, 'simulated', 'signal-light.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LightLine);
}

/** The chimes played so far, volumes rounded (Web Audio keeps gains as 32-bit floats). */
async function playedChimes(page: Page): Promise<{ volume: number; tones: number[] }[]> {
  return (await chimes(page)).map((chime) => ({ ...chime, volume: Math.round(chime.volume * 100) / 100 }));
}

/** Every file below `dir`, with its content. */
function filesBelow(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

test('help end to end: the citizen calls, the light blinks, staff get a signed call, acknowledge from afar, resolve in assist mode', async () => {
  receiver = await startHelpReceiver(secret);
  kiosk = await launchKiosk({ config: helpConfigFile(secret, [{ url: receiver.url, acknowledgeUrl: receiver.acknowledgeUrl }]) });
  const { page } = kiosk;
  await recordChimes(page);
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-screen="home-info"]').waitFor();

  await callForHelp(page);
  await page.screenshot({ path: join(shots, 'help-requested-de.png') });
  // The chime at the terminal: two-tone, twice (the default), at the configured volume; not endless.
  await expect.poll(() => playedChimes(page)).toEqual([{ volume: 0.6, tones: [659.25, 523.25, 659.25, 523.25] }]);
  // The light across the room blinks "help requested" (the Busylight's report, as the real driver sends it).
  await expect
    .poll(() => lightLines(kiosk?.dataDir ?? '').some((line) => line.state === 'help-requested' && line.blink && line.report.length === 65))
    .toBe(true);

  const requested = await receiver.waitFor('requested');
  expect(requested).toMatchObject({
    type: 'requested',
    screen: 'home-info',
    language: 'de',
    location: 'Foyer, links vom Eingang',
    terminal: { id: fixtureTerminalId },
  });
  expect(Object.keys(requested).sort()).toEqual(['at', 'callId', 'eventId', 'language', 'location', 'screen', 'terminal', 'type', 'version']);

  // Staff acknowledge on their side; the kiosk learns it from its signed question.
  receiver.setStatus(requested.callId, 'acknowledged');
  await expect(page.locator('[data-help-status="acknowledged"]')).toBeVisible({ timeout: 20_000 });
  await receiver.waitFor('acknowledged', requested.callId);
  await page.screenshot({ path: join(shots, 'help-acknowledged-de.png') });

  // On arrival, staff resolve it in assist mode.
  await openAssist(page);
  await expect(page.locator('[data-screen="assist"] [data-help-call="acknowledged"]')).toBeVisible();
  await page.screenshot({ path: join(shots, 'assist-de.png') });
  await page.locator('[data-screen="assist"] [data-action="resolve-help"]').click();
  await receiver.waitFor('resolved', requested.callId);
  await page.locator('[data-action="lock-assist"]').click();
  await expect(page.locator('[data-screen="assist"]')).toHaveCount(0);
  await expect(page.locator('[data-help-status]')).toHaveCount(0);
  await expect.poll(() => lightLines(kiosk?.dataDir ?? '').at(-1)?.state).toBe('in-use');
  expect(receiver.badSignatures).toBe(0);
  expect(receiver.unique().map((event) => event.type)).toEqual(['requested', 'acknowledged', 'resolved']);
});

test('the citizen can take the call back; staff hear that it was cancelled', async () => {
  receiver = await startHelpReceiver(secret);
  kiosk = await launchKiosk({ config: helpConfigFile(secret, [{ url: receiver.url }]) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await callForHelp(page);
  const requested = await receiver.waitFor('requested');
  await page.locator('[data-action="cancel-help"]').click();
  await expect(page.locator('[data-help-status]')).toHaveCount(0);
  await receiver.waitFor('cancelled', requested.callId);
});

test('a call nobody acknowledges escalates once: the escalation channel hears of it from then on, the chime sounds at full volume', async () => {
  receiver = await startHelpReceiver(secret);
  const second = await startHelpReceiver(secret);
  try {
    kiosk = await launchKiosk({ config: helpConfigFile(secret, [{ url: receiver.url }, { url: second.url, when: 'escalation' }], 10) });
    const { page } = kiosk;
    await recordChimes(page);
    await page.locator('[data-action="start-session"]').click();
    await callForHelp(page);
    const requested = await receiver.waitFor('requested');
    await receiver.waitFor('escalated', requested.callId, 30_000);
    await second.waitFor('escalated', requested.callId);
    await expect.poll(() => playedChimes(page).then((played) => played.map((chime) => chime.volume))).toEqual([0.6, 1]);
    await page.locator('[data-action="cancel-help"]').click();
    // Each channel delivers on its own: wait for both before comparing what each heard.
    await second.waitFor('cancelled', requested.callId);
    await receiver.waitFor('cancelled', requested.callId);
    expect(second.unique().map((event) => event.type)).toEqual(['escalated', 'cancelled']);
    expect(receiver.unique().map((event) => event.type)).toEqual(['requested', 'escalated', 'cancelled']);
  } finally {
    await second.close();
  }
});

test('webhook down for the whole call, kiosk killed with the call pending, webhook back: the call arrives exactly once after the restart', async () => {
  const port = await closedPort();
  const url = `http://127.0.0.1:${String(port)}/help`;
  const config = helpConfigFile(secret, [{ url }]);
  kiosk = await launchKiosk({ config });
  const { page, dataDir } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await callForHelp(page);
  // The screen says "called" only once the call is on disk, waiting for the channel: no waiting here.
  const outbox = join(dataDir, 'help', 'outbox.json');
  expect(existsSync(outbox)).toBe(true);
  const pending = (JSON.parse(readFileSync(outbox, 'utf8')) as { deliveries: { eventId: string; event: { type: string } }[] }).deliveries;
  expect(pending.map((delivery) => delivery.event.type)).toEqual(['requested']);

  // kill -9: no shutdown code runs.
  await kiosk.browser.close().catch(() => undefined);
  kiosk.process.child.kill('SIGKILL');
  await kiosk.process.exited;
  kiosk = undefined;

  receiver = await startHelpReceiver(secret, port);
  kiosk = await launchKiosk({ config, dataDir });
  const delivered = await receiver.waitFor('requested');
  expect(delivered.eventId).toBe(pending[0]?.eventId);
  await expect.poll(() => (JSON.parse(readFileSync(outbox, 'utf8')) as { deliveries: unknown[] }).deliveries.length).toBe(0);
  expect(receiver.unique().filter((event) => event.type === 'requested')).toHaveLength(1);
  expect(receiver.badSignatures).toBe(0);
});

test('PIN: five wrong PINs lock the pad, which then takes not even the right one; no PIN in any file or log, only the hash in the config', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-staff.json') });
  const { page, dataDir } = kiosk;
  await openStaffPad(page);
  await page.screenshot({ path: join(shots, 'staff-pin-de.png') });
  const auditFile = join(dataDir, 'audit', 'staff-audit.jsonl');
  const audit = (): string => (existsSync(auditFile) ? readFileSync(auditFile, 'utf8') : '');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await enterPin(page, wrongPin);
    await expect.poll(() => audit().match(/"wrong"/g)?.length ?? 0).toBe(attempt);
  }
  // Locked: the pad says so and takes no PIN, not even the right one.
  const lockout = JSON.parse(readFileSync(join(dataDir, 'staff', 'pin-lockout.json'), 'utf8')) as { lockedUntil: number | null };
  expect(lockout.lockedUntil).toBeGreaterThan(Date.now() + 20_000);
  for (const digit of pin) await page.locator(`[data-screen="staff-pin"] [data-pin-key="${digit}"]`).click();
  await expect(page.locator('[data-action="submit-pin"]')).toBeDisabled();
  await page.screenshot({ path: join(shots, 'staff-pin-locked-de.png') });
  await page.locator('[data-action="cancel-pin"]').click();

  const config = readFileSync(fixtureConfig('info-staff.json'), 'utf8');
  expect(config).toContain('scrypt$');
  expect(config).not.toContain(pin);
  expect(audit()).not.toContain('"open"');
  for (const file of filesBelow(dataDir)) {
    expect(file.text, file.path).not.toContain(pin);
    expect(file.text, file.path).not.toContain(wrongPin);
  }
});

test('the right PIN opens assist mode; staff reset the session and the citizen is told; assist mode locks', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-staff.json') });
  const { page, dataDir } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-screen="home-info"]').waitFor();
  await openAssist(page);
  await page.locator('[data-screen="assist"] [data-action="reset-session"]').click();
  // Staff stay in assist mode until they lock it; then the citizen's screen says what happened.
  await page.locator('[data-action="lock-assist"]').click();
  await expect(page.locator('[data-screen="assist"]')).toHaveCount(0);
  await expect(page.locator('[data-screen="end-of-session"]')).toHaveAttribute('data-reason', 'staff');
  // Out of order while the farewell shows ends that farewell: switched off again, the terminal is
  // back on attract, not on the goodbye of a session long over.
  await setOutOfOrder(page, true);
  await setOutOfOrder(page, false);
  await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 2000 });
  const audit = readFileSync(join(dataDir, 'audit', 'staff-audit.jsonl'), 'utf8');
  expect(audit).toContain('"reset-session"');
  for (const file of filesBelow(dataDir)) expect(file.text, file.path).not.toContain(pin);
});

test('out of order survives a restart; help still works during it; staff switch it off', async () => {
  receiver = await startHelpReceiver(secret);
  const config = helpConfigFile(secret, [{ url: receiver.url }]);
  kiosk = await launchKiosk({ config });
  await setOutOfOrder(kiosk.page, true);
  await expect.poll(() => lightLines(kiosk?.dataDir ?? '').at(-1)?.state).toBe('fault');

  const { dataDir } = kiosk;
  await kiosk.close();
  kiosk = await launchKiosk({ config, dataDir });
  const { page } = kiosk;
  await expect(page.locator('[data-screen="out-of-order"]')).toBeVisible();
  await expect(page.locator('[data-screen="out-of-order"]')).toContainText('Foyer, Schalter 1');
  await page.screenshot({ path: join(shots, 'out-of-order-de.png') });

  // A human is still one tap away.
  await callForHelp(page);
  const requested = await receiver.waitFor('requested');
  expect(requested.screen).toBe('out-of-order');
  await openAssist(page);
  await page.locator('[data-screen="assist"] [data-action="resolve-help"]').click();
  await page.locator('[data-screen="assist"] [data-action="out-of-order-off"]').click();
  await page.locator('[data-action="lock-assist"]').click();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
});
