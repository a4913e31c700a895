import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installFatalErrorHandlers } from '#core/app/fatalErrors';
import { captureLog } from '#tests/unit/support/logCapture';

describe('installFatalErrorHandlers', () => {
  it.each([
    ['uncaughtException', 'uncaught-exception'],
    ['unhandledRejection', 'unhandled-rejection'],
  ])('%s: logged with its kind and place (not its message), then exit 1, once', (signal, event) => {
    const target = new EventEmitter();
    const exit = vi.fn();
    const log = captureLog();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installFatalErrorHandlers(target as unknown as NodeJS.Process, { logger: () => log.logger, exit });
    target.emit(signal, new TypeError('boom at https://a.example/?name=Erika'));
    target.emit(signal, new Error('again'));
    stderr.mockRestore();
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.raw()).toContain(`"event":"${event}"`);
    expect(log.raw()).toContain('"err":"TypeError"');
    expect(log.raw()).not.toContain('Erika');
  });

  it('before the log is open it still says why on stderr and exits', () => {
    const target = new EventEmitter();
    const exit = vi.fn();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installFatalErrorHandlers(target as unknown as NodeJS.Process, { logger: () => null, exit });
    target.emit('uncaughtException', new RangeError('early'));
    expect(stderr.mock.calls.flat().join(' ')).toContain('uncaught-exception: RangeError');
    stderr.mockRestore();
    expect(exit).toHaveBeenCalledWith(1);
  });
});
