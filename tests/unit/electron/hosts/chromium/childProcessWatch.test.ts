import { describe, expect, it, vi } from 'vitest';
import { compareHelpers, helperKind, watchHelperProcesses, type HelperProcess } from '#electron/hosts/chromium/childProcessWatch';
import { captureLog } from '#tests/unit/support/logCapture';

describe('helperKind', () => {
  it('names the GPU process and utilities with their sub-type; ignores browser, renderers and zygotes', () => {
    expect(helperKind(['/usr/lib/chromium/chromium', '--type=gpu-process', '--headless'])).toBe('gpu-process');
    expect(helperKind(['chromium', '--type=utility', '--utility-sub-type=network.mojom.NetworkService'])).toBe('utility:network.mojom.NetworkService');
    expect(helperKind(['chromium', '--type=utility'])).toBe('utility');
    expect(helperKind(['chromium', '--type=renderer'])).toBeNull();
    expect(helperKind(['chromium', '--type=zygote'])).toBeNull();
    expect(helperKind(['chromium', '--headless'])).toBeNull();
  });
});

describe('compareHelpers', () => {
  it('finds the helpers gone and the ones started', () => {
    const gpu = { pid: 10, kind: 'gpu-process' };
    const network = { pid: 11, kind: 'utility:network' };
    const newNetwork = { pid: 12, kind: 'utility:network' };
    expect(compareHelpers([gpu, network], [gpu, newNetwork])).toEqual({ gone: [network], started: [newNetwork] });
  });
});

describe('watchHelperProcesses', () => {
  it('logs a helper that ended and the one Chromium started in its place', () => {
    vi.useFakeTimers();
    let current: HelperProcess[] = [{ pid: 10, kind: 'gpu-process' }];
    const log = captureLog();
    const watch = watchHelperProcesses({ rootPid: 1, logger: log.logger, everyMs: 1000, list: () => current });
    current = [];
    vi.advanceTimersByTime(1000);
    expect(log.raw()).toContain('"event":"child-process-gone"');
    current = [{ pid: 20, kind: 'gpu-process' }];
    vi.advanceTimersByTime(1000);
    expect(log.raw()).toContain('"event":"child-process-recovered"');
    watch.stop();
    vi.useRealTimers();
  });
});
