import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restartRequested } from '#electron/launcher/restartPolicy';
import { restartExitCode as contractRestartCode } from '#shared/contract/staffContract';
import { invalidConfigExitCode, quitExitCode, restartExitCode } from '#shared/exitCodes';
import { findAppRoot } from '#tests/support/appRoot';

const appRoot = findAppRoot(import.meta.dirname);

describe('restart after a staff restart', () => {
  it('the launcher starts the kiosk again only on the restart code, and not while it is being stopped', () => {
    expect(restartRequested(restartExitCode, false)).toBe(true);
    expect(restartRequested(restartExitCode, true)).toBe(false);
    for (const code of [quitExitCode, 1, invalidConfigExitCode, null]) expect(restartRequested(code, false)).toBe(false);
  });

  it('one restart code everywhere: the contract, run.mjs (start:chromium) and the systemd unit', () => {
    expect(contractRestartCode).toBe(75);
    expect(restartExitCode).toBe(75);
    const runMjs = readFileSync(join(appRoot, 'build', 'tools', 'run.mjs'), 'utf8');
    expect(runMjs).toContain(`const restartExitCode = ${String(restartExitCode)};`);
    expect(runMjs).toMatch(/'start:chromium':[\s\S]*restartOnRequest: true/);
  });

  it('systemd starts the kiosk again whatever ended it (cage 0.1.4 hides the exit code), but not on an invalid config (2) it can see', () => {
    const unit = readFileSync(join(appRoot, 'build', 'deploy', 'buergerservice-kiosk.service'), 'utf8');
    const settings = unit.split('\n').filter((line) => !line.startsWith('#'));
    expect(settings).toContain('Restart=always');
    expect(settings).toContain(`RestartPreventExitStatus=${String(invalidConfigExitCode)}`);
    // A kiosk that keeps failing stops at the start limit instead of flickering for ever.
    expect(settings.some((line) => line.startsWith('StartLimitBurst='))).toBe(true);
  });
});
