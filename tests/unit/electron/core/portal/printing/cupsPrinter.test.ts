import { describe, expect, it } from 'vitest';
import type { CupsPrinterConfig } from '#shared/config/documentPrinterConfig';
import { cancelRetryDelaysMs, classifyLpFailure, CupsPrinter, cupsJobTitle, lpArguments, parseJobId } from '#core/portal/printing/cupsPrinter';
import { FakeClock, flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { FakeCommandRunner, lpAccepted } from './fakeCommandRunner';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** cupsd.conf as the install guide leaves it: CUPS keeps neither documents nor the job list. */
const keepsNothing = 'PreserveJobFiles No\nPreserveJobHistory No\n';

function setup(config: Partial<CupsPrinterConfig> = {}, cupsdConf: () => string = () => keepsNothing) {
  const clock = new FakeClock();
  const log = captureLog();
  const runner = new FakeCommandRunner();
  const read: string[] = [];
  const readText = (path: string): Promise<string> => {
    read.push(path);
    return Promise.resolve().then(cupsdConf);
  };
  const printer = new CupsPrinter({ kind: 'cups', queue: 'Dokumente', ...config }, { clock, logger: log.logger, run: runner.run, readText });
  const session = new AbortController();
  const print = () => printer.print({ pdf, signal: session.signal });
  return { clock, log, runner, printer, session, print, read };
}

describe('cups printer: submitting', () => {
  it('runs lp with exactly the documented argv and the PDF bytes on stdin', async () => {
    const { runner, print } = setup();
    runner.answer = () => lpAccepted('Dokumente-123');
    await expect(print()).resolves.toEqual({ status: 'printed' });
    expect(runner.runs).toHaveLength(1);
    const request = runner.runs[0]?.request;
    expect(request?.command).toBe('lp');
    expect(request?.args).toEqual(['-d', 'Dokumente', '-o', 'media=A4', '-o', 'fit-to-page', '-t', cupsJobTitle, '-']);
    expect(request?.stdin).toEqual(pdf);
  });

  it('adds the configured duplex and colour options before the title; "-" stays last', () => {
    expect(lpArguments({ kind: 'cups', queue: 'Q', options: { sides: 'two-sided-long-edge', colorMode: 'monochrome' } })).toEqual([
      '-d',
      'Q',
      '-o',
      'media=A4',
      '-o',
      'fit-to-page',
      '-o',
      'sides=two-sided-long-edge',
      '-o',
      'print-color-mode=monochrome',
      '-t',
      'Buergerservice-Kiosk',
      '-',
    ]);
  });

  it('logs queue, job id, size and outcome, but never the title or the content', async () => {
    const { runner, log, print } = setup();
    runner.answer = () => lpAccepted('Dokumente-123');
    await print();
    expect(log.entries()).toContainEqual(
      expect.objectContaining({ event: 'document-print', queue: 'Dokumente', jobId: 'Dokumente-123', bytes: pdf.byteLength, outcome: 'printed' }),
    );
    expect(log.raw()).not.toContain('Mustermann');
    expect(log.raw()).not.toContain('Catalog');
  });
});

describe('cups printer: job title', () => {
  it("is always the same: a document's name (e.g. Bescheid_<Name>.pdf) would stay in CUPS's job history", async () => {
    const { runner, print } = setup();
    runner.answer = () => lpAccepted('Dokumente-1');
    await print();
    expect(runner.runs[0]?.request.args).toContain(cupsJobTitle);
    expect(JSON.stringify(runner.runs)).not.toContain('Mustermann');
  });
});

describe('cups printer: lp output', () => {
  it.each([
    ['request id is Dokumente-123 (1 file(s))\n', 'Dokumente-123'],
    ['request id is HP_M404-dn-7 (0 file(s))', 'HP_M404-dn-7'],
    ['lp: Warning - form option ignored.\nrequest id is Q-1 (1 file(s))\n', 'Q-1'],
    ['', null],
    ['request id is Dokumente (1 file(s))', null],
    ['Anfrage-ID ist Dokumente-5 (1 Datei(en))', null],
  ])('parses %j as %j', (stdout, expected) => {
    expect(parseJobId(stdout)).toBe(expected);
  });

  it.each([
    ['lp: Error - The printer or class does not exist.', 'printer-unavailable'],
    ['lp: Error - scheduler not responding.', 'printer-unavailable'],
    ['lp: Destination "Dokumente" is not accepting jobs.', 'printer-unavailable'],
    ['lp: Connection refused', 'printer-unavailable'],
    ['lp: No such file or directory', 'printer-unavailable'],
    ['lp: Forbidden', 'printer-unavailable'],
    ['lp: Unsupported document-format "application/pdf".', 'rejected'],
    ['lp: Error - unable to queue from stdin - Request Entity Too Large.', 'rejected'],
    ['lp: Bad job-name value: Value is too long.', 'rejected'],
    ['', 'rejected'],
  ])('classifies %j as %s', (stderr, reason) => {
    expect(classifyLpFailure(stderr).reason).toBe(reason);
  });

  it('answers printer-unavailable when lp does not exist, and says so in the log', async () => {
    const { runner, log, print } = setup();
    runner.answer = () => ({ exitCode: null, startError: 'not-found' });
    await expect(print()).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    expect(log.entries()).toContainEqual(expect.objectContaining({ detail: 'lp-missing', reason: 'printer-unavailable' }));
  });

  it('maps a failing lp by its message', async () => {
    const { runner, print } = setup();
    runner.answer = () => ({ exitCode: 1, stderr: 'lp: Error - The printer or class does not exist.\n' });
    await expect(print()).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    runner.answer = () => ({ exitCode: 1, stderr: 'lp: Unsupported document-format "application/pdf".\n' });
    await expect(print()).resolves.toEqual({ status: 'failed', reason: 'rejected' });
  });

  it("does not log lp's stderr (it could echo the title)", async () => {
    const { runner, log, print } = setup();
    runner.answer = () => ({ exitCode: 1, stderr: 'lp: Bad job-name value "Meldebestätigung Erika Mustermann"' });
    await print();
    expect(log.raw()).not.toContain('Mustermann');
  });

  it('answers printer-unavailable when lp was killed by someone else', async () => {
    const { runner, print } = setup();
    runner.answer = () => ({ exitCode: null });
    await expect(print()).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
  });

  it('counts exit 0 without a job id as printed, with a warning', async () => {
    const { runner, log, print, session, printer } = setup();
    runner.answer = () => ({ exitCode: 0, stdout: '' });
    await expect(print()).resolves.toEqual({ status: 'printed' });
    expect(log.entries()).toContainEqual(expect.objectContaining({ detail: 'no-job-id', level: 40 }));
    session.abort();
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(0);
  });
});

describe('cups printer: timeout', () => {
  it('kills lp after the default 30 s and answers printer-unavailable', async () => {
    const { runner, clock, print } = setup();
    const outcome = print();
    await flushPromises();
    clock.advance(29_999);
    expect(runner.runs[0]?.ended).toBe(false);
    clock.advance(1);
    expect(runner.runs[0]?.request.signal.aborted).toBe(true);
    await expect(outcome).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    expect(clock.pending()).toBe(0);
  });

  it('uses the configured timeout', async () => {
    const { runner, clock, print } = setup({ timeoutSeconds: 60 });
    const outcome = print();
    await flushPromises();
    clock.advance(59_000);
    expect(runner.runs[0]?.ended).toBe(false);
    runner.runs[0]?.finish(lpAccepted('Dokumente-9'));
    await expect(outcome).resolves.toEqual({ status: 'printed' });
    expect(clock.pending()).toBe(0);
  });

  it('cancels nothing when lp timed out before CUPS had the job', async () => {
    const { runner, clock, print, printer } = setup();
    const outcome = print();
    await flushPromises();
    clock.advance(30_000);
    await expect(outcome).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(0);
  });

  it('cancels a job lp submitted although it timed out, so a retry does not print it twice', async () => {
    const { runner, clock, print, printer } = setup();
    runner.answer = (request) => (request.command === 'cancel' ? { exitCode: 0 } : undefined);
    const outcome = print();
    await flushPromises();
    const lp = runner.of('lp')[0];
    if (lp) lp.killedWith = lpAccepted('Dokumente-77');
    clock.advance(30_000);
    await expect(outcome).resolves.toEqual({ status: 'failed', reason: 'printer-unavailable' });
    await printer.whenIdle();
    expect(runner.of('cancel').map((run) => run.request.args)).toEqual([['-x', 'Dokumente-77']]);
  });
});

describe('cups printer: abort (session reset)', () => {
  it('does not run lp for a job aborted before it started', async () => {
    const { runner, session, print } = setup();
    session.abort();
    await expect(print()).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    expect(runner.runs).toHaveLength(0);
  });

  it('kills lp when the session ends while lp runs', async () => {
    const { runner, session, print, printer } = setup();
    const outcome = print();
    await flushPromises();
    expect(runner.runs[0]?.request.signal.aborted).toBe(false);
    session.abort();
    expect(runner.runs[0]?.request.signal.aborted).toBe(true);
    await expect(outcome).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(0);
  });

  it('cancels the job when lp still got it into CUPS as the session ended', async () => {
    const { runner, session, print, printer } = setup();
    runner.answer = (request) => (request.command === 'cancel' ? { exitCode: 0 } : undefined);
    const outcome = print();
    await flushPromises();
    const lp = runner.of('lp')[0];
    if (lp) lp.killedWith = lpAccepted('Dokumente-5');
    session.abort();
    await expect(outcome).resolves.toEqual({ status: 'failed', reason: 'aborted' });
    await printer.whenIdle();
    expect(runner.of('cancel').map((run) => run.request.args)).toEqual([['-x', 'Dokumente-5']]);
  });

  it('runs `cancel <job id>` when the session ends while the job waits in CUPS', async () => {
    const { runner, session, print, printer, log } = setup();
    runner.answer = (request) => (request.command === 'lp' ? lpAccepted('Dokumente-123') : { exitCode: 0 });
    await expect(print()).resolves.toEqual({ status: 'printed' });
    expect(runner.of('cancel')).toHaveLength(0);
    session.abort();
    await printer.whenIdle();
    expect(runner.of('cancel').map((run) => [run.request.command, ...run.request.args])).toEqual([['cancel', '-x', 'Dokumente-123']]);
    expect(log.entries()).toContainEqual(
      expect.objectContaining({ event: 'document-cancel', jobId: 'Dokumente-123', outcome: 'cancelled', why: 'session-ended' }),
    );
  });

  it('cancels every job of the session, each once', async () => {
    const { runner, session, print, printer } = setup();
    let next = 1;
    runner.answer = (request) => (request.command === 'lp' ? lpAccepted(`Dokumente-${String(next++)}`) : { exitCode: 0 });
    await print();
    await print();
    session.abort();
    session.abort();
    await printer.whenIdle();
    expect(
      runner
        .of('cancel')
        .map((run) => run.request.args[1])
        .sort(),
    ).toEqual(['Dokumente-1', 'Dokumente-2']);
  });

  it('stops when CUPS says the job is already done', async () => {
    const { runner, session, print, printer, log } = setup();
    runner.answer = (request) =>
      request.command === 'lp'
        ? lpAccepted('Dokumente-8')
        : { exitCode: 1, stderr: "cancel: cancel-job failed: Job #8 is already completed - can't cancel.\n" };
    await print();
    session.abort();
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(1);
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'document-cancel', outcome: 'nothing-to-cancel' }));
  });

  it('retries a cancel the scheduler did not answer, then reports it for staff', async () => {
    const { runner, session, print, printer, clock, log } = setup();
    runner.answer = (request) =>
      request.command === 'lp' ? lpAccepted('Dokumente-8') : { exitCode: 1, stderr: 'cancel: Error - scheduler not responding.\n' };
    await print();
    session.abort();
    await flushPromises();
    expect(runner.of('cancel')).toHaveLength(1);
    clock.advance(cancelRetryDelaysMs[1] ?? 0);
    await flushPromises();
    expect(runner.of('cancel')).toHaveLength(2);
    clock.advance(cancelRetryDelaysMs[2] ?? 0);
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(3);
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'document-cancel', jobId: 'Dokumente-8', outcome: 'cancel-failed', level: 50 }));
  });

  it('succeeds on a retry when the scheduler answers again', async () => {
    const { runner, session, print, printer, clock, log } = setup();
    let cancels = 0;
    runner.answer = (request) => {
      if (request.command === 'lp') return lpAccepted('Dokumente-8');
      cancels += 1;
      return cancels === 1 ? { exitCode: 1, stderr: 'cancel: Error - scheduler not responding.\n' } : { exitCode: 0 };
    };
    await print();
    session.abort();
    await flushPromises();
    clock.advance(cancelRetryDelaysMs[1] ?? 0);
    await printer.whenIdle();
    expect(cancels).toBe(2);
    expect(
      log
        .entries()
        .filter((entry) => entry.event === 'document-cancel')
        .map((entry) => entry.outcome),
    ).toEqual(['cancelled']);
  });

  it('does not retry when the cancel program is missing, and reports it for staff', async () => {
    const { runner, session, print, printer, log } = setup();
    runner.answer = (request) => (request.command === 'lp' ? lpAccepted('Dokumente-8') : { exitCode: null, startError: 'not-found' });
    await print();
    session.abort();
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(1);
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'document-cancel', outcome: 'cancel-failed' }));
  });

  it('kills a cancel that hangs and tries again', async () => {
    const { runner, session, print, printer, clock } = setup();
    runner.answer = (request) => (request.command === 'lp' ? lpAccepted('Dokumente-8') : runner.of('cancel').length > 1 ? { exitCode: 0 } : undefined);
    await print();
    session.abort();
    await flushPromises();
    clock.advance(15_000);
    expect(runner.of('cancel')[0]?.request.signal.aborted).toBe(true);
    await flushPromises();
    clock.advance(cancelRetryDelaysMs[1] ?? 0);
    await printer.whenIdle();
    expect(runner.of('cancel')).toHaveLength(2);
    expect(runner.of('cancel')[1]?.ended).toBe(true);
  });
});

describe('cups printer: nothing left in the queue', () => {
  it('at start purges every job an earlier run left in the kiosk queue', async () => {
    const { runner, printer } = setup();
    runner.answer = (request) => (request.command === 'cancel' ? { exitCode: 0 } : undefined);
    await printer.sweep();
    expect(runner.of('cancel').map((run) => run.request.args)).toEqual([['-x', '-a', 'Dokumente']]);
  });

  it('a job CUPS took without an id is purged with the whole queue when the session ends', async () => {
    const { runner, printer, print } = setup();
    runner.answer = (request) => (request.command === 'lp' ? { exitCode: 0, stdout: '' } : { exitCode: 0 });
    await print();
    await printer.endSession();
    expect(runner.of('cancel').map((run) => run.request.args)).toEqual([['-x', '-a', 'Dokumente']]);
    await printer.endSession();
    expect(runner.of('cancel')).toHaveLength(1);
  });
});

describe('cups printer: what CUPS keeps, shown to staff', () => {
  const cancelled = (runner: FakeCommandRunner): void => {
    runner.answer = (request) => (request.command === 'cancel' ? { exitCode: 0 } : undefined);
  };

  it('is ready once cupsd.conf keeps neither documents nor the job list, read from the configured file at start', async () => {
    const { runner, printer, read } = setup({ cupsdConf: '/srv/cups/cupsd.conf' });
    cancelled(runner);
    expect(printer.health()).toEqual({ state: 'busy', reason: 'connecting' });
    await printer.sweep();
    expect(read).toEqual(['/srv/cups/cupsd.conf']);
    expect(printer.health()).toEqual({ state: 'ready', reason: 'ok' });
  });

  it.each([
    ['CUPS defaults (nothing set)', '# nothing here\nLogLevel warn\n', 'cups-keeps-documents'],
    ['documents kept for a day', 'PreserveJobFiles 1d\nPreserveJobHistory No\n', 'cups-keeps-documents'],
    ['job list kept', 'PreserveJobFiles No\nPreserveJobHistory Yes\n', 'cups-keeps-history'],
  ] as const)('warns staff when %s, and logs it once', async (_label, conf, reason) => {
    const { runner, printer, log } = setup({}, () => conf);
    cancelled(runner);
    const changes: unknown[] = [];
    printer.onHealth(() => changes.push(printer.health()));
    await printer.sweep();
    await printer.endSession();
    expect(printer.health()).toEqual({ state: 'warning', reason });
    expect(changes).toEqual([{ state: 'warning', reason }]);
    expect(log.entries().filter((entry) => entry.event === 'cups-retention')).toHaveLength(1);
  });

  it('an unreadable cupsd.conf is a warning of its own, never an error, and a fixed file is seen after the next session', async () => {
    let conf: string | null = null;
    const { runner, printer } = setup({}, () => {
      if (conf === null) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return conf;
    });
    cancelled(runner);
    await printer.sweep();
    expect(printer.health()).toEqual({ state: 'warning', reason: 'cups-retention-unknown' });
    conf = keepsNothing;
    await printer.endSession();
    expect(printer.health()).toEqual({ state: 'ready', reason: 'ok' });
  });
});
