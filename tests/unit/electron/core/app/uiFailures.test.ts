import { describe, expect, it, vi } from 'vitest';
import { UiFailures, uiFailureScreen } from '#core/app/uiFailures';
import { ok } from '#shared/result';
import { clearHelpView } from '#shared/contract/helpContract';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';

function setUp() {
  const clock = new FakeClock();
  let on = false;
  const outOfOrder = {
    isOn: () => on,
    set: vi.fn((value: boolean) => {
      on = value;
      return Promise.resolve(ok(undefined));
    }),
  };
  const help = { request: vi.fn(() => Promise.resolve(ok({ ...clearHelpView }))) };
  const log = captureLog();
  const failures = new UiFailures({ outOfOrder, help, language: 'de', logger: log.logger, clock });
  return { clock, outOfOrder, help, log, failures };
}

describe('UiFailures', () => {
  it('reopens the page after the first two failures and calls nobody', async () => {
    const { failures, outOfOrder, help } = setUp();
    expect(await failures.failed('ui-crash')).toBe('reopen');
    expect(await failures.failed('ui-hang')).toBe('reopen');
    expect(outOfOrder.set).not.toHaveBeenCalled();
    expect(help.request).not.toHaveBeenCalled();
  });

  it('the third failure within 10 minutes: out of order, staff called, one page more for the out-of-order screen; none after', async () => {
    const { failures, outOfOrder, help, clock, log } = setUp();
    await failures.failed('ui-crash');
    clock.advance(4 * 60_000);
    await failures.failed('ui-crash');
    clock.advance(5 * 60_000);
    expect(await failures.failed('ui-crash')).toBe('reopen');
    expect(outOfOrder.set).toHaveBeenCalledWith(true);
    expect(help.request).toHaveBeenCalledWith({ screen: uiFailureScreen, language: 'de' });
    expect(log.raw()).toContain('"event":"ui-failure-loop"');
    expect(await failures.failed('ui-crash')).toBe('give-up');
    expect(help.request).toHaveBeenCalledTimes(1);
  });

  it('failures further apart than 10 minutes never add up', async () => {
    const { failures, outOfOrder, clock } = setUp();
    for (let i = 0; i < 6; i++) {
      expect(await failures.failed('ui-crash')).toBe('reopen');
      clock.advance(5 * 60_000 + 1);
    }
    expect(outOfOrder.set).not.toHaveBeenCalled();
  });

  it('after ten quiet minutes a terminal that went out of order may reopen its page again', async () => {
    const { failures, clock } = setUp();
    for (let i = 0; i < 3; i++) await failures.failed('ui-crash');
    clock.advance(10 * 60_000);
    expect(await failures.failed('ui-crash')).toBe('reopen');
  });
});
