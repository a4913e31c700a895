import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for CUPS's `lp` and `cancel`, put first on the kiosk's PATH: `lp` keeps each job's
 * document in a spool folder as the scheduler does (`d<id>-001`) and never prints it, like a queue
 * whose printer is off; `cancel -x <job>` and `cancel -x -a <queue>` delete them. Every argument
 * list is written to a log, which shows what CUPS would keep in its job history (the title).
 */
export interface FakeCups {
  /** Put this folder first on the kiosk's PATH. */
  readonly bin: string;
  /** The documents of jobs not cancelled. */
  readonly spool: string;
  /** One line per lp or cancel run: the program and its arguments. */
  readonly argsLog: string;
  /** A cupsd.conf that keeps neither documents nor the job list. */
  readonly cupsdConf: string;
}

export function fakeCups(): FakeCups {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fake-cups-'));
  const bin = join(dir, 'bin');
  const spool = join(dir, 'spool');
  const argsLog = join(dir, 'args.log');
  const cupsdConf = join(dir, 'cupsd.conf');
  mkdirSync(bin);
  mkdirSync(spool);
  writeFileSync(cupsdConf, 'PreserveJobFiles No\nPreserveJobHistory No\n');
  const script = (name: string, body: string): void => {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> '${argsLog}'\n${body}`);
    chmodSync(file, 0o755);
  };
  script(
    'lp',
    // The queue is the argument after -d; the job id is this shell's pid, unique while it runs.
    `queue=""\nwhile [ $# -gt 0 ]; do if [ "$1" = "-d" ]; then queue="$2"; fi; shift; done\ncat > '${spool}'/d$$-001\necho "request id is $queue-$$ (1 file(s))"\n`,
  );
  script(
    'cancel',
    `for arg in "$@"; do\n  case "$arg" in\n    -x) ;;\n    -a) rm -f '${spool}'/d*-001 ;;\n    *-[0-9]*) rm -f '${spool}'/d"\${arg##*-}"-001 ;;\n  esac\ndone\nexit 0\n`,
  );
  return { bin, spool, argsLog, cupsdConf };
}
