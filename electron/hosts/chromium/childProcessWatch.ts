import { readdirSync, readFileSync } from 'node:fs';
import type { Logger } from '#core/logging/logger';

/**
 * Chromium's helper processes (GPU, network service, other utilities) can die on their own; the
 * browser starts them again. Electron reports that as `child-process-gone`; the Chromium host has
 * no such event, so it looks at its own process tree in /proc (Linux) every few seconds and logs
 * the same, so IT see it in the same log (README.md, "Self-healing").
 */

/** A watched helper process: its kind as Chromium names it. */
export interface HelperProcess {
  readonly pid: number;
  /** "gpu-process", or "utility" with its sub-type, e.g. "utility:network.mojom.NetworkService". */
  readonly kind: string;
}

/** The helper kind of a Chromium command line, or null for other processes (browser, renderers, zygotes). */
export function helperKind(cmdline: readonly string[]): string | null {
  const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  if (type === 'gpu-process') return type;
  if (type !== 'utility') return null;
  const subType = cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length);
  return subType === undefined ? 'utility' : `utility:${subType}`;
}

/** What changed between two looks: helpers gone, and kinds that came back after going. */
export function compareHelpers(before: readonly HelperProcess[], after: readonly HelperProcess[]): { gone: HelperProcess[]; started: HelperProcess[] } {
  const afterPids = new Set(after.map((helper) => helper.pid));
  const beforePids = new Set(before.map((helper) => helper.pid));
  return { gone: before.filter((helper) => !afterPids.has(helper.pid)), started: after.filter((helper) => !beforePids.has(helper.pid)) };
}

/** Every descendant of `rootPid` with its command line, from /proc. */
export function processesBelow(rootPid: number): { pid: number; cmdline: string[] }[] {
  const found: { pid: number; cmdline: string[] }[] = [];
  const queue = [rootPid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    if (seen.has(pid)) continue;
    seen.add(pid);
    queue.push(...childrenOf(pid));
    if (pid !== rootPid) found.push({ pid, cmdline: cmdlineOf(pid) });
  }
  return found;
}

/** Every descendant of `rootPid` that is a Chromium helper process. */
export function helperProcessesBelow(rootPid: number): HelperProcess[] {
  return processesBelow(rootPid).flatMap(({ pid, cmdline }) => {
    const kind = helperKind(cmdline);
    return kind === null ? [] : [{ pid, kind }];
  });
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${String(pid)}/task`).flatMap((task) =>
      readFileSync(`/proc/${String(pid)}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

function cmdlineOf(pid: number): string[] {
  try {
    // Chromium rewrites its process title into one string with spaces, so split on both.
    return readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8')
      .split(/[\0 ]/)
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Logs helper processes that went away and the ones started in their place; `stop` ends it. */
export function watchHelperProcesses(input: {
  readonly rootPid: number;
  readonly logger: Logger;
  readonly everyMs?: number;
  readonly list?: (rootPid: number) => HelperProcess[];
}): { stop(): void } {
  const list = input.list ?? helperProcessesBelow;
  let known = list(input.rootPid);
  const missing = new Set<string>();
  const timer = setInterval(() => {
    const now = list(input.rootPid);
    const { gone, started } = compareHelpers(known, now);
    for (const helper of gone) {
      missing.add(helper.kind);
      input.logger.warn({ event: 'child-process-gone', kind: helper.kind, pid: helper.pid }, 'a Chromium helper process ended; Chromium starts it again');
    }
    for (const helper of started) {
      if (!missing.delete(helper.kind)) continue;
      input.logger.info({ event: 'child-process-recovered', kind: helper.kind, pid: helper.pid }, 'the Chromium helper process is back');
    }
    known = now;
  }, input.everyMs ?? 2000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
    },
  };
}
