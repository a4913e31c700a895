import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { HealthReport } from '#core/devices/device';
import type { DocumentSummary } from '#core/devices/documentReader/documentSummary';
import type { DocumentRead } from '#shared/devices/documentRead';
import { findAppRoot } from '#tests/support/appRoot';

export type ChildCommand = { readonly cmd: 'connect' } | { readonly cmd: 'disconnect' } | { readonly cmd: 'reset' };

export type ChildMessage =
  | { readonly type: 'started' }
  | { readonly type: 'connected'; readonly report: HealthReport }
  | { readonly type: 'disconnected' }
  | { readonly type: 'reset'; readonly current: DocumentRead | null }
  | { readonly type: 'read'; readonly read: DocumentRead }
  | { readonly type: 'health'; readonly report: HealthReport }
  | { readonly type: 'summary'; readonly summary: DocumentSummary }
  | { readonly type: 'log'; readonly line: string };

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = findAppRoot(here);

let bundled: Promise<string> | undefined;

/**
 * Bundles serialHarness.ts once per test file: CommonJS with packages left external, the way the
 * Electron main bundle is built, so `mrz` (ESM only) is loaded the way production loads it.
 */
function harnessBundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'mrz-serial-harness-')), 'harness.cjs');
    await build({
      entryPoints: [join(here, 'serialHarness.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

/** Deletes the bundle (call in afterAll). */
export async function removeHarnessBundle(): Promise<void> {
  if (!bundled) return;
  const outfile = await bundled;
  bundled = undefined;
  rmSync(dirname(outfile), { recursive: true, force: true });
}

/** The serial reader running in a child process, and everything it reported. */
export interface SerialChild {
  readonly messages: ChildMessage[];
  reads(): DocumentRead[];
  health(): HealthReport[];
  summaries(): DocumentSummary[];
  logs(): string;
  connect(): Promise<HealthReport>;
  disconnect(): Promise<void>;
  reset(): Promise<DocumentRead | null>;
  /** Whether the child process is still running (it must never crash). */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Waits (real time) until the condition holds. */
export async function waitUntil(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts the child with the reader configured for `path`. */
export async function startSerialChild(path: string): Promise<SerialChild> {
  const script = await harnessBundle();
  const child: ChildProcess = fork(script, [], {
    env: { ...process.env, MRZ_SERIAL_PATH: path, NODE_PATH: join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: ChildMessage[] = [];
  const state = { exited: false };
  const exit = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      state.exited = true;
      resolveExit();
    });
  });
  child.on('message', (message: ChildMessage) => messages.push(message));

  const request = async <T extends ChildMessage['type']>(command: ChildCommand, answer: T): Promise<Extract<ChildMessage, { type: T }>> => {
    const before = messages.length;
    child.send(command);
    await waitUntil(() => messages.slice(before).some((m) => m.type === answer) || state.exited, 10_000, answer);
    const found = messages.slice(before).find((m): m is Extract<ChildMessage, { type: T }> => m.type === answer);
    if (!found) throw new Error(`child exited before answering ${command.cmd}`);
    return found;
  };
  const of = <T extends ChildMessage['type']>(type: T) => messages.filter((m): m is Extract<ChildMessage, { type: T }> => m.type === type);

  await waitUntil(() => messages.some((m) => m.type === 'started') || state.exited, 10_000, 'child start');
  if (state.exited) throw new Error('serial harness exited at start');
  return {
    messages,
    reads: () => of('read').map((m) => m.read),
    health: () => of('health').map((m) => m.report),
    summaries: () => of('summary').map((m) => m.summary),
    logs: () =>
      of('log')
        .map((m) => m.line)
        .join(''),
    connect: async () => (await request({ cmd: 'connect' }, 'connected')).report,
    disconnect: async () => {
      await request({ cmd: 'disconnect' }, 'disconnected');
    },
    reset: async () => (await request({ cmd: 'reset' }, 'reset')).current,
    alive: () => !state.exited,
    stop: async () => {
      if (!state.exited) child.disconnect();
      await exit;
    },
  };
}
