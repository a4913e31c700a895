import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** One program run: argv as an array (never a shell string), optional bytes for stdin. */
export interface CommandRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly stdin?: Uint8Array;
  /** Aborting it kills the program; the run still resolves once the program has ended. */
  readonly signal: AbortSignal;
}

export interface CommandResult {
  /** Exit code; null when the program was ended by a signal or never started. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** 'not-found': the program does not exist (ENOENT); 'failed': it could not be started otherwise. */
  readonly startError: 'not-found' | 'failed' | null;
}

/** Runs a program and never rejects; injected so tests can stand in for lp and cancel. */
export type CommandRunner = (request: CommandRequest) => Promise<CommandResult>;

/** More output than this is not needed to read a job id or an error message. */
const maxOutputChars = 64 * 1024;
/** Time a program gets to end after SIGTERM before it is killed outright. */
const killGraceMs = 2000;

/** The real runner: node:child_process spawn without a shell, in the C locale so messages can be matched. */
export const spawnCommandRunner: CommandRunner = (request) =>
  new Promise<CommandResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    let hardKill: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: CommandResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(hardKill);
      request.signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(request.command, [...request.args], {
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
        // C locale: lp's messages are matched in English, whatever the machine's language.
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      });
    } catch {
      // spawn throws synchronously only for arguments it cannot pass on (a NUL byte, for example).
      finish({ exitCode: null, stdout, stderr, startError: 'failed' });
      return;
    }
    function onAbort(): void {
      child.kill('SIGTERM');
      hardKill = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    }
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < maxOutputChars) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < maxOutputChars) stderr += chunk;
    });
    // lp may exit before it read everything (EPIPE); its exit code tells what happened.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      // Only a failed start ends the run here; a failed kill still ends with 'close'.
      if (child.pid === undefined) finish({ exitCode: null, stdout, stderr, startError: error.code === 'ENOENT' ? 'not-found' : 'failed' });
    });
    child.on('close', (code) => {
      finish({ exitCode: code, stdout, stderr, startError: null });
    });
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener('abort', onAbort, { once: true });
    child.stdin.end(request.stdin === undefined ? undefined : Buffer.from(request.stdin.buffer, request.stdin.byteOffset, request.stdin.byteLength));
  });
