import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { installUiRecovery } from '#electron/hosts/electron/uiRecovery';
import { captureLog } from '#tests/unit/support/logCapture';

function fakeContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const contents = {
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, handler);
      return contents;
    }),
    reload: vi.fn(),
    forcefullyCrashRenderer: vi.fn(),
  };
  return { contents, fire: (event: string, ...args: unknown[]) => handlers.get(event)?.(...args) };
}

describe('installUiRecovery', () => {
  it('reloads a crashed UI once and resets the session', () => {
    const { contents, fire } = fakeContents();
    const resetSession = vi.fn(() => Promise.resolve());
    const log = captureLog();
    installUiRecovery(contents as unknown as WebContents, { resetSession, logger: log.logger });
    fire('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(resetSession).toHaveBeenCalledTimes(1);
    expect(log.raw()).toContain('"event":"ui-crash"');
  });

  it('crashes a hung renderer without reloading twice (the crash handler reloads)', () => {
    const { contents, fire } = fakeContents();
    const resetSession = vi.fn(() => Promise.resolve());
    installUiRecovery(contents as unknown as WebContents, { resetSession, logger: captureLog().logger });
    fire('unresponsive');
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.reload).not.toHaveBeenCalled();
    fire('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });
});
