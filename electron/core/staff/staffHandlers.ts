import { restartExitCode, type StaffAction, type StaffActionResult, type StaffCounters, type staffRequestChannels } from '#shared/contract/staffContract';
import type { HelpView } from '#shared/contract/helpContract';
import type { ResetReason, SessionSnapshot } from '#shared/session/sessionState';
import { fail, ok, type Result } from '#shared/result';
import type { ContentStatus } from '../content/contentService';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { Logger } from '../logging/logger';
import type { Clock } from '../session/clock';
import type { AssistMode } from './assistMode';
import type { AuditLog } from './auditLog';
import type { LightTest } from './lightTest';
import type { OutOfOrder } from './outOfOrder';

/**
 * The staff.* channels: the PIN pad, assist mode and its actions. Every action is refused with
 * 'invalid-state' unless assist mode is open, counts as a staff touch (the automatic lock starts
 * over) and goes to the audit log with its outcome, refusals included.
 */

export type StaffChannel = keyof typeof staffRequestChannels;
export type StaffHandlers = Pick<RequestHandlers, StaffChannel>;

/** How the host ends the process: restart (restartExitCode) or quit (0). */
export type ExitPort = (code: number) => void;

export interface StaffHandlersDeps {
  readonly assist: AssistMode;
  readonly outOfOrder: OutOfOrder;
  readonly audit: AuditLog;
  readonly counters: { view(): StaffCounters };
  readonly session: { snapshot(): SessionSnapshot; reset(reason: ResetReason): Promise<unknown> };
  /** The call for help; null when the core has none. */
  readonly help: { view(): HelpView; acknowledge(): Promise<Result<HelpView>>; resolve(): Promise<Result<HelpView>> } | null;
  /** Null when the terminal has no signal light. */
  readonly lightTest: Pick<LightTest, 'start'> | null;
  /** Null when the terminal has no content pack. */
  readonly content: { reload(): Promise<ContentStatus> } | null;
  /** Null when the host cannot end the process (unit tests of other parts). */
  readonly exit: ExitPort | null;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Time for the answer to reach the staff screen before the host exits. */
const exitDelayMs = 300;

type Failure = Extract<StaffActionResult, { status: 'failed' }>['reason'];
const done: Result<StaffActionResult> = ok({ status: 'done' });
const failed = (reason: Failure): Result<StaffActionResult> => ok({ status: 'failed', reason });

/** Builds the handlers of the staff channels. */
export function createStaffHandlers(deps: StaffHandlersDeps): StaffHandlers {
  const { assist, outOfOrder, audit, session, help, logger } = deps;

  const sessionRunning = (): boolean => {
    const state = session.snapshot().state;
    return state === 'active' || state === 'idle-warning';
  };
  const resetSession = (): void => {
    // Not awaited: the reset waits for the UI's confirmation, and the UI waits for this answer.
    if (sessionRunning()) void session.reset('staff');
  };

  const setOutOfOrder = async (on: boolean): Promise<Result<StaffActionResult>> => {
    if (outOfOrder.isOn() === on) return failed('nothing-to-do');
    const written = await outOfOrder.set(on);
    // A citizen at the terminal is sent on by the out-of-order screen, not left mid-form.
    if (on) resetSession();
    return written.ok ? done : failed('not-written');
  };

  const helpAction = async (kind: 'acknowledge' | 'resolve'): Promise<Result<StaffActionResult>> => {
    const status = help?.view().status ?? 'clear';
    if (help === null || status === 'clear' || (kind === 'acknowledge' && status !== 'requested')) return failed('nothing-to-do');
    const result = kind === 'acknowledge' ? await help.acknowledge() : await help.resolve();
    return result.ok ? done : failed('nothing-to-do');
  };

  /** The exit code asked for by a restart or quit; the process ends once the action is audited. */
  let exitCode: number | null = null;
  const exitWith = (code: number): Result<StaffActionResult> => {
    if (deps.exit === null) return fail('unavailable', 'the host cannot end the kiosk');
    exitCode = code;
    return done;
  };
  const exitIfAsked = (): void => {
    const exit = deps.exit;
    if (exitCode === null || exit === null) return;
    const code = exitCode;
    logger.warn({ event: 'staff-exit', code }, code === restartExitCode ? 'staff restart the kiosk' : 'staff quit the kiosk');
    deps.clock.setTimeout(() => {
      exit(code);
    }, exitDelayMs);
  };

  const run = async (action: StaffAction, confirmed: boolean): Promise<Result<StaffActionResult>> => {
    switch (action) {
      case 'reset-session':
        if (!sessionRunning()) return failed('nothing-to-do');
        resetSession();
        return done;
      case 'end-and-lock':
        resetSession();
        assist.lock('action');
        return done;
      case 'acknowledge-help':
        return helpAction('acknowledge');
      case 'resolve-help':
        return helpAction('resolve');
      case 'test-light':
        if (deps.lightTest === null) return failed('no-light');
        // A test already running shows the same; the second tap is not an error.
        deps.lightTest.start();
        return done;
      case 'out-of-order-on':
        return setOutOfOrder(true);
      case 'out-of-order-off':
        return setOutOfOrder(false);
      case 'reload-content': {
        if (deps.content === null) return failed('no-content');
        // An invalid edit keeps the last good pack in use (ContentService); staff see it refused.
        const status = await deps.content.reload();
        return status.state === 'ok' ? done : failed('content-invalid');
      }
      case 'restart-app':
        return exitWith(restartExitCode);
      case 'quit-app':
        return confirmed ? exitWith(0) : failed('not-confirmed');
    }
  };

  return {
    'staff.unlock': async ({ pin }) => {
      const outcome = await assist.unlock(pin);
      return ok({ outcome, assist: assist.view() });
    },
    'staff.lock': () => {
      assist.lock('staff');
      return ok(assist.view());
    },
    'staff.activity': () => {
      assist.activity();
      return ok(assist.view());
    },
    'staff.status': () => ok({ assist: assist.view(), terminal: outOfOrder.status() }),
    'staff.counters': async () => {
      if (!assist.isOpen()) {
        await audit.record('view-counters', 'refused');
        return fail('invalid-state', 'assist mode is locked');
      }
      assist.activity();
      await audit.record('view-counters', 'done');
      return ok(deps.counters.view());
    },
    'staff.action': async ({ action, confirmed }) => {
      if (!assist.isOpen()) {
        logger.warn({ event: 'staff-action-refused', action }, 'staff action refused: assist mode is locked');
        await audit.record(action, 'refused');
        return fail('invalid-state', 'assist mode is locked');
      }
      assist.activity();
      const result = await run(action, confirmed === true);
      const outcome = !result.ok ? `error:${result.error.code}` : result.value.status === 'done' ? 'done' : `failed:${result.value.reason}`;
      logger.info({ event: 'staff-action', action, outcome }, 'staff action');
      // On disk before the answer, and before a restart or quit ends the process.
      await audit.record(action, outcome);
      exitIfAsked();
      return result;
    },
  };
}
