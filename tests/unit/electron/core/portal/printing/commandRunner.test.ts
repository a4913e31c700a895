import { describe, expect, it } from 'vitest';
import { spawnCommandRunner } from '#core/portal/printing/commandRunner';

// The real runner against real programs (cat, printf, sleep are on every Linux machine).
describe('spawnCommandRunner', () => {
  it('hands stdin to the program and collects stdout', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 äöü\n');
    const result = await spawnCommandRunner({ command: 'cat', args: [], stdin: bytes, signal: new AbortController().signal });
    expect(result).toEqual({ exitCode: 0, stdout: '%PDF-1.7 äöü\n', stderr: '', startError: null });
  });

  it('passes arguments literally, without a shell', async () => {
    const args = ['a b;c', '$(echo pwned)', '`id`', '*', '-t'];
    const result = await spawnCommandRunner({ command: 'printf', args: ['%s\\n', ...args], signal: new AbortController().signal });
    expect(result.stdout).toBe(`${args.join('\n')}\n`);
  });

  it("runs in the C locale so lp's messages can be matched", async () => {
    const result = await spawnCommandRunner({ command: 'printenv', args: ['LC_ALL'], signal: new AbortController().signal });
    expect(result.stdout).toBe('C\n');
  });

  it('reports a missing program as not-found', async () => {
    const result = await spawnCommandRunner({ command: 'kiosk-no-such-program', args: [], stdin: new Uint8Array([1]), signal: new AbortController().signal });
    expect(result).toMatchObject({ exitCode: null, startError: 'not-found' });
  });

  it('reports an argument it cannot pass on (NUL) as failed instead of throwing', async () => {
    const result = await spawnCommandRunner({ command: 'printf', args: ['a\u0000b'], signal: new AbortController().signal });
    expect(result).toMatchObject({ exitCode: null, startError: 'failed' });
  });

  it('kills the program when the signal aborts', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const run = spawnCommandRunner({ command: 'sleep', args: ['30'], signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    const result = await run;
    expect(result.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('survives a program that exits without reading stdin', async () => {
    const result = await spawnCommandRunner({ command: 'true', args: [], stdin: new Uint8Array(4 * 1024 * 1024), signal: new AbortController().signal });
    expect(result).toMatchObject({ exitCode: 0, startError: null });
  });
});
