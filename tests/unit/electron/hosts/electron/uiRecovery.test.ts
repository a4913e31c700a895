import { describe, expect, it, vi } from 'vitest';
import type { App, WebContents } from 'electron';
import type { UiFailureDecision } from '#core/app/uiFailures';
import { installUiRecovery, logChildProcessGone } from '#electron/hosts/electron/uiRecovery';
import { flushPromises } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

function fakeEmitter<T extends object>(extra: T) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const target = {
    ...extra,
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, handler);
      return target;
    }),
  };
  return { target, fire: (event: string, ...args: unknown[]) => handlers.get(event)?.(...args) };
}

function setUp(decision: UiFailureDecision) {
  const { target: contents, fire } = fakeEmitter({ reload: vi.fn(), forcefullyCrashRenderer: vi.fn() });
  const resetSession = vi.fn(() => Promise.resolve());
  const uiFailed = vi.fn(() => Promise.resolve(decision));
  const log = captureLog();
  installUiRecovery(contents as unknown as WebContents, { uiFailed, resetSession, logger: log.logger });
  return { contents, fire, resetSession, uiFailed, log };
}

describe('installUiRecovery', () => {
  it('asks the core, then reloads a crashed UI once and resets the session', async () => {
    const { contents, fire, resetSession, uiFailed, log } = setUp('reopen');
    fire('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await flushPromises();
    expect(uiFailed).toHaveBeenCalledWith('ui-crash');
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(resetSession).toHaveBeenCalledTimes(1);
    expect(log.raw()).toContain('"event":"ui-crash"');
  });

  it('does not reload when the core gave up on the page (no reload loop)', async () => {
    const { contents, fire, resetSession } = setUp('give-up');
    fire('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await flushPromises();
    expect(contents.reload).not.toHaveBeenCalled();
    expect(resetSession).not.toHaveBeenCalled();
  });

  it('ends a hung renderer; the crash that follows counts as a hang and reloads once', async () => {
    const { contents, fire, uiFailed } = setUp('reopen');
    fire('unresponsive');
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.reload).not.toHaveBeenCalled();
    fire('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    await flushPromises();
    expect(uiFailed).toHaveBeenCalledWith('ui-hang');
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });
});

describe('logChildProcessGone', () => {
  it('logs a helper process that died, with its kind and reason', () => {
    const { target: app, fire } = fakeEmitter({});
    const log = captureLog();
    logChildProcessGone(app as unknown as App, log.logger);
    fire('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 139, serviceName: undefined });
    expect(log.raw()).toContain('"event":"child-process-gone"');
    expect(log.raw()).toContain('"kind":"GPU"');
  });
});
