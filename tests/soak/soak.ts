/**
 * `npm run soak`: endurance of the kiosk on the Chromium host (README.md, "Endurance"). Two kiosks
 * run side by side, an information terminal (help calls to a local receiver, receipts on the real
 * serial driver to a virtual printer on a pty) and a workstation (the local test portal, PDFs to a
 * folder), and take turns in blocks of sessions. Before, during and after the run it samples both
 * at the attract screen after a garbage collection (measurements.ts) and checks the growth against
 * the budgets (report.ts); it exits 1 when one is missed or a session failed.
 *
 * SOAK_SESSIONS (default 1000) sessions in all; SOAK_SAMPLE_EVERY (default 100) sessions between
 * samples; SOAK_WARMUP (default 10) sessions per kiosk before the baseline, so what the kiosk loads
 * once (the keyboard, the QR encoder, a language's texts) is not counted as growth; SOAK_SEED.
 */
import type { Page } from '@playwright/test';
import { openPack } from '#tests/e2e/support/contentPacks';
import { helpConfigFile } from '#tests/e2e/support/helpConfig';
import { freePort, launchKiosk, type RunningKiosk } from '#tests/e2e/support/kioskProcess';
import { workstationConfig } from '#tests/e2e/support/workstation';
import { startHelpReceiver } from '#tests/support/helpReceiver';
import { startTestPortal, type TestPortal } from '#tests/support/testPortal';
import { VirtualEscPosPrinter } from '#tests/support/virtualEscposPrinter';
import { seededRandom } from '#tests/unit/electron/core/devices/documentReader/random';
import { infoJourney, planInfo, planWorkstation, recover, workstationJourney, type SessionEnd } from './journeys';
import { HostInspector, sample, type Sample } from './measurements';
import { budgetTable, evaluateBudgets, failuresRow, trendTable, type BudgetRow } from './report';

const totalSessions = Number(process.env.SOAK_SESSIONS ?? 1000);
const sampleEvery = Number(process.env.SOAK_SAMPLE_EVERY ?? 100);
const warmupSessions = Number(process.env.SOAK_WARMUP ?? 10);
const random = seededRandom(Number(process.env.SOAK_SEED ?? 1));
/** Short enough that an idle reset ends within the other kiosk's next block, long enough for any step of a journey. */
const idleTimeoutSeconds = 15;
/**
 * A round of 4 blocks, 3 at the information terminal and 1 at the workstation (a workstation
 * session takes several times as long); a sample after each round of `sampleEvery` sessions.
 */
const rounds: readonly Kind[] = ['info', 'workstation', 'info', 'info'];
const blockSize = Math.max(1, Math.round(sampleEvery / rounds.length));

type Kind = 'info' | 'workstation';

interface Terminal {
  readonly kind: Kind;
  readonly kiosk: RunningKiosk;
  readonly inspector: HostInspector;
  readonly page: Page;
  sessions: number;
  failed: number;
  readonly ends: Record<SessionEnd, number>;
  readonly samples: { point: string; sample: Sample }[];
  baseline: Sample | null;
}

const started = performance.now();
const elapsed = (): string => {
  const seconds = Math.round((performance.now() - started) / 1000);
  return `${String(Math.floor(seconds / 60))}m ${String(seconds % 60).padStart(2, '0')}s`;
};
const failures: string[] = [];
const secret = 'soak-help-secret-0123456789abcdef0123456789';

const printer = await VirtualEscPosPrinter.start();
const receiver = await startHelpReceiver(secret);
const portal: TestPortal = await startTestPortal();
const terminals: Terminal[] = [];

let closing: Promise<void> | null = null;
/** Stops both kiosks and the stand-ins (once), also when the run is interrupted. */
function closeAll(): Promise<void> {
  closing ??= (async () => {
    for (const t of terminals) {
      t.inspector.close();
      await t.kiosk.close();
    }
    await portal.close();
    await receiver.close();
    await printer.stop();
  })();
  return closing;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`soak interrupted (${signal}) after ${elapsed()}`);
    void closeAll().finally(() => process.exit(130));
  });
}

/** Starts a kiosk with its host's inspector on a free loopback port, for the garbage collection before each sample. */
async function terminal(kind: Kind, config: string): Promise<Terminal> {
  const port = await freePort();
  const inspect = `--inspect=127.0.0.1:${String(port)}`;
  const kiosk = await launchKiosk({ config, env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, inspect].filter(Boolean).join(' ') } });
  try {
    kiosk.page.setDefaultTimeout(30_000);
    const inspector = await HostInspector.connect(port);
    return { kind, kiosk, inspector, page: kiosk.page, sessions: 0, failed: 0, ends: { end: 0, idle: 0, staff: 0 }, samples: [], baseline: null };
  } catch (error) {
    await kiosk.close();
    throw error;
  }
}

/** Waits until the kiosk is back at the attract screen itself (an idle reset done, the farewell over). */
async function atAttract(t: Terminal): Promise<void> {
  await t.page.locator('[data-screen="attract"]').waitFor({ timeout: 90_000 });
}

/** One session at `t`; a failed one is recorded and the kiosk brought back to attract. */
async function runSession(t: Terminal, end: SessionEnd): Promise<void> {
  t.sessions += 1;
  t.ends[end] += 1;
  try {
    if (t.kind === 'info') await infoJourney(t.page, planInfo(random, end), random);
    else await workstationJourney(t.page, portal, planWorkstation(random, end));
  } catch (error) {
    t.failed += 1;
    // The first lines say what failed and, for a locator, what it was waiting for.
    const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' / ');
    failures.push(`${t.kind} session ${String(t.sessions)} (${end}): ${message}`);
    console.error(`  ${t.kind} session ${String(t.sessions)} failed: ${message}`);
    await recover(t.page);
  }
}

/** `count` sessions in a row at `t`; the last one ends idle if asked (it times out during the other kiosk's block). */
async function runBlock(t: Terminal, count: number, idleLast: boolean): Promise<void> {
  // A session left idle by the last block must have been ended by the idle timeout by now.
  await t.page.locator('.kiosk[data-session-state="attract"]').waitFor({ timeout: 90_000 });
  for (let i = 0; i < count; i += 1) {
    const last = i === count - 1;
    // Now and then staff reset the information terminal's session from assist mode.
    const staff = t.kind === 'info' && (t.sessions + 1) % 25 === 0;
    await runSession(t, last && idleLast ? 'idle' : staff ? 'staff' : 'end');
  }
}

async function sampleAll(point: string): Promise<void> {
  await Promise.all(terminals.map(atAttract));
  for (const t of terminals) {
    const s = await sample(t.page, { pid: t.kiosk.process.child.pid ?? 0, inspector: t.inspector }, t.sessions);
    t.samples.push({ point, sample: s });
  }
  const line = terminals.map((t) => {
    const s = t.samples.at(-1)?.sample;
    return s === undefined
      ? ''
      : `${t.kind}: heap ${(s.heapBytes / 2 ** 20).toFixed(1)} MB, ${String(s.domNodes)} nodes, RSS ${(s.hostRssBytes / 2 ** 20).toFixed(1)} MB, ${String(s.hostFds)} fds`;
  });
  console.log(`[${elapsed()}] ${point}: ${line.join(' | ')}`);
}

let exitCode = 0;
try {
  const info = await terminal(
    'info',
    helpConfigFile(secret, [{ url: receiver.url, acknowledgeUrl: receiver.acknowledgeUrl }], 600, {
      content: { folder: openPack },
      session: { idleTimeoutSeconds, warningSeconds: 20 },
      devices: [
        { id: 'receipt-printer', kind: 'printer', driver: 'escpos-serial', path: printer.devicePath },
        { id: 'id-reader', kind: 'documentReader', driver: 'simulator' },
        { id: 'signal-light', kind: 'signalLight', driver: 'simulator' },
      ],
    }),
  );
  terminals.push(info);
  const workstation = await terminal('workstation', workstationConfig(portal, { name: 'soak', idleTimeoutSeconds }).config);
  terminals.push(workstation);
  const byKind: Record<Kind, Terminal> = { info, workstation };

  console.log(`Soak: ${String(totalSessions)} sessions after ${String(warmupSessions)} warm-up sessions per kiosk, a sample every ${String(sampleEvery)}.`);
  await sampleAll('launch');
  for (const t of terminals) await runBlock(t, warmupSessions, false);
  await sampleAll('start');
  for (const t of terminals) {
    t.baseline = t.samples.at(-1)?.sample ?? null;
    t.sessions = 0;
    t.failed = 0;
    t.ends.end = 0;
    t.ends.staff = 0;
  }
  failures.length = 0;

  let done = 0;
  while (done < totalSessions) {
    for (const [index, kind] of rounds.entries()) {
      const count = Math.min(blockSize, totalSessions - done);
      if (count <= 0) break;
      // One idle reset per kiosk and round, in its first block: it times out during the next block.
      const idleLast = index === rounds.indexOf(kind) && count > 1;
      const blockStart = performance.now();
      await runBlock(byKind[kind], count, idleLast);
      done += count;
      console.log(
        `[${elapsed()}] ${kind}: ${String(count)} sessions in ${((performance.now() - blockStart) / 1000).toFixed(1)} s (${String(done)}/${String(totalSessions)})`,
      );
      portal.clear();
    }
    if (done % sampleEvery === 0 || done >= totalSessions) await sampleAll(done >= totalSessions ? 'end' : `after ${String(done)}`);
  }

  const trend = terminals.flatMap((t) =>
    t.samples.map(({ point, sample: s }) => ({ kiosk: t.kind, point, sample: s, baseline: point === 'launch' ? null : t.baseline })),
  );
  const rows: BudgetRow[] = terminals.flatMap((t) => {
    const end = t.samples.at(-1)?.sample;
    return t.baseline === null || end === undefined ? [] : [...evaluateBudgets(t.kind, t.baseline, end), failuresRow(t.kind, t.sessions, t.failed)];
  });
  console.log('');
  console.log(`Endurance soak: ${String(totalSessions)} sessions in ${elapsed()} (seed ${process.env.SOAK_SEED ?? '1'})`);
  for (const t of terminals) {
    console.log(
      `  ${t.kind}: ${String(t.sessions)} sessions — ${String(t.ends.end)} ended, ${String(t.ends.idle)} idle resets, ${String(t.ends.staff)} staff resets`,
    );
  }
  console.log(
    `  help receiver: ${String(receiver.received.length)} events, ${String(receiver.badSignatures)} bad signatures; receipts on the virtual printer: ${String(printer.decoded().cuts)}`,
  );
  console.log('');
  console.log(trendTable(trend));
  console.log('');
  console.log(budgetTable(rows));
  for (const failure of failures) console.log(`  failed: ${failure}`);
  const missed = rows.filter((row) => !row.ok);
  console.log('');
  console.log(
    missed.length === 0 ? 'All budgets met.' : `${String(missed.length)} budget(s) missed: ${missed.map((row) => `${row.kiosk} ${row.measure}`).join(', ')}`,
  );
  if (missed.length > 0) exitCode = 1;
} catch (error) {
  console.error(`soak aborted after ${elapsed()}:`, error);
  exitCode = 1;
} finally {
  await closeAll();
}
process.exit(exitCode);
