import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * What the soak measures of one running kiosk, at the attract screen after a garbage collection:
 * the kiosk page's renderer (JS heap, DOM nodes, event listeners) over the DevTools protocol, and
 * the host's Node process (resident memory, open file descriptors) and its Chromium processes
 * (resident memory, for information) from /proc. The host collects its garbage first too (through
 * its inspector), so its resident memory does not swing with the moment V8 last did.
 */
export interface Sample {
  /** Sessions of this kiosk run so far. */
  readonly sessions: number;
  readonly heapBytes: number;
  readonly domNodes: number;
  readonly listeners: number;
  /** The host's own JS heap after its garbage collection (information). */
  readonly hostHeapBytes: number;
  readonly hostRssBytes: number;
  readonly hostFds: number;
  readonly browserRssBytes: number;
  /** Browser processes counted into browserRssBytes. */
  readonly browserProcesses: number;
}

/** A field of /proc/<pid>/status in bytes (the kernel gives kB), 0 once the process is gone. */
function statusBytes(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${String(pid)}/status`, 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith(`${field}:`));
    const kb = Number(/(\d+)\s*kB/.exec(line ?? '')?.[1] ?? '0');
    return kb * 1024;
  } catch {
    return 0;
  }
}

export function rssBytes(pid: number): number {
  return statusBytes(pid, 'VmRSS');
}

export function openFds(pid: number): number {
  return readdirSync(`/proc/${String(pid)}/fd`).length;
}

/** Every process below `pid` (children, grandchildren, …), from the parent ids in /proc/<pid>/stat. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name in parentheses may hold spaces; the parent id is the second field after it.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The kiosk page's renderer after a full garbage collection: JS heap in use, DOM nodes, event listeners. */
export async function rendererMetrics(page: Page): Promise<{ heapBytes: number; domNodes: number; listeners: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Twice: the first collection may leave objects whose finalizers free more.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.disable');
    return { heapBytes: usedSize, domNodes: metric('Nodes'), listeners: metric('JSEventListeners') };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The host process's Node inspector (the soak starts the host with `--inspect` on a loopback port):
 * just enough of the DevTools protocol to collect its garbage and read its heap.
 */
export class HostInspector {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, (result: unknown) => void>();
  #nextId = 0;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener('message', (message) => {
      const answer = JSON.parse(String(message.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (answer.id === undefined) return;
      this.#pending.get(answer.id)?.(answer.error === undefined ? answer.result : new Error(answer.error.message));
      this.#pending.delete(answer.id);
    });
  }

  static async connect(port: number): Promise<HostInspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${String(port)}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (url === undefined) throw new Error(`no inspector target on port ${String(port)}`);
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => {
        reject(new Error(`inspector on port ${String(port)} refused the connection`));
      });
    });
    return new HostInspector(socket);
  }

  async #send(method: string): Promise<unknown> {
    this.#nextId += 1;
    const id = this.#nextId;
    const answer = await new Promise<unknown>((resolve) => {
      this.#pending.set(id, resolve);
      this.#socket.send(JSON.stringify({ id, method }));
    });
    if (answer instanceof Error) throw answer;
    return answer;
  }

  /** Collects the host's garbage (twice, as for the renderer) and returns its JS heap in use. */
  async collectGarbage(): Promise<number> {
    await this.#send('HeapProfiler.collectGarbage');
    await this.#send('HeapProfiler.collectGarbage');
    return ((await this.#send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  }

  close(): void {
    this.#socket.close();
  }
}

/** One sample of a kiosk whose page shows the attract screen. */
export async function sample(page: Page, host: { readonly pid: number; readonly inspector: HostInspector }, sessions: number): Promise<Sample> {
  const renderer = await rendererMetrics(page);
  const hostHeapBytes = await host.inspector.collectGarbage();
  const hostPid = host.pid;
  const browser = descendants(hostPid);
  return {
    sessions,
    ...renderer,
    hostHeapBytes,
    hostRssBytes: rssBytes(hostPid),
    hostFds: openFds(hostPid),
    browserRssBytes: browser.reduce((sum, pid) => sum + rssBytes(pid), 0),
    browserProcesses: browser.length,
  };
}
