import type { CommandRequest, CommandResult, CommandRunner } from '#core/portal/printing/commandRunner';

/** One program run the fake saw, with a way to end it. */
export interface FakeRun {
  readonly request: CommandRequest;
  /** Ends the run with this result (ignored once it has ended). */
  finish(result: Partial<CommandResult>): void;
  readonly ended: boolean;
  /** What the program leaves behind when it is killed (default: exit code null, no output). */
  killedWith: Partial<CommandResult>;
}

/**
 * Stands in for lp and cancel: every run waits until the test finishes it, or answers at once from
 * `answer`. Like the real runner, an aborted signal ends the run as killed (exit code null).
 */
export class FakeCommandRunner {
  readonly runs: FakeRun[] = [];
  /** Answers a run at once; return undefined to leave it waiting for finish(). */
  answer: (request: CommandRequest) => Partial<CommandResult> | undefined = () => undefined;

  readonly run: CommandRunner = (request) =>
    new Promise<CommandResult>((resolve) => {
      let ended = false;
      const run: FakeRun = {
        request,
        finish: (result) => {
          if (ended) return;
          ended = true;
          resolve({ exitCode: 0, stdout: '', stderr: '', startError: null, ...result });
        },
        get ended() {
          return ended;
        },
        killedWith: { exitCode: null },
      };
      const kill = (): void => {
        run.finish(run.killedWith);
      };
      this.runs.push(run);
      if (request.signal.aborted) kill();
      request.signal.addEventListener('abort', kill, { once: true });
      const immediate = this.answer(request);
      if (immediate !== undefined) run.finish(immediate);
    });

  /** The runs of one program. */
  of(command: string): FakeRun[] {
    return this.runs.filter((run) => run.request.command === command);
  }
}

export const lpAccepted = (jobId: string): Partial<CommandResult> => ({ exitCode: 0, stdout: `request id is ${jobId} (1 file(s))\n` });
