import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, chromium, type Browser, type Page } from '@playwright/test';
import { findAppRoot } from '#tests/support/appRoot';
import { e2eHost, electronForTests, electronMain } from './e2eHost';

export const appRoot = findAppRoot(import.meta.dirname);

/**
 * A fixture config as the kiosk may read it: a copy of tests/fixtures/config/<name> with mode 0600
 * (the kiosk refuses a config holding secrets that others may read, and git checks files out
 * 0644), at the same depth below the app root, so the fixture's relative paths still hold.
 */
export function fixtureConfig(name: string): string {
  const folder = join(appRoot, '.cache', 'fixtures', 'config');
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, name);
  copyFileSync(join(appRoot, 'tests', 'fixtures', 'config', name), copy);
  chmodSync(copy, 0o600);
  return copy;
}

/** Whether a TCP port on loopback can be bound right now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

const nextInSlice = new Map<number, number>();

/**
 * A loopback port that can be bound now, from `[base, base + size)` of this Playwright worker's
 * slice. All slices lie below Linux's ephemeral ports (32768+): the system never hands these out
 * for "any free port", so no other server of the run can take one between this check and its use.
 */
async function workerPort(firstBase: number, size: number, what: string): Promise<number> {
  const worker = Number(process.env.TEST_PARALLEL_INDEX ?? '0');
  const base = firstBase + (worker % 8) * size;
  for (let attempt = 0; attempt < size; attempt += 1) {
    const offset = nextInSlice.get(base) ?? 0;
    nextInSlice.set(base, offset + 1);
    const port = base + (offset % size);
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port for ${what} between ${String(base)} and ${String(base + size - 1)}`);
}

/** A free port for a DevTools endpoint (20000–31999). */
export function freePort(): Promise<number> {
  return workerPort(20_000, 1500, 'the DevTools endpoint');
}

/**
 * A port nobody listens on and nobody else will be given (10000–17999): a port the system handed
 * out and took back can go to another test's server a moment later (a help webhook would then get
 * that server's 404 and drop the event).
 */
export function closedPort(): Promise<number> {
  return workerPort(10_000, 1000, 'a closed port');
}

export interface RunningProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Starts a Node script of the kiosk with its output captured. */
export function startProcess(script: string, args: readonly string[], env: Record<string, string> = {}): RunningProcess {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: appRoot,
    env: { ...process.env, KIOSK_DATA_DIR: mkdtempSync(join(tmpdir(), 'kiosk-e2e-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      for (const waiter of waiters) waiter();
      resolve(code);
    });
  });
  return {
    child,
    output: () => output,
    exited,
    waitForOutput(pattern, timeoutMs = 45_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) {
            done();
            resolve(match);
          } else if (child.exitCode !== null) {
            done();
            reject(new Error(`process exited (${String(child.exitCode)}) before printing ${String(pattern)}:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${String(pattern)}:\n${output}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export interface RunningKiosk {
  /** The host's process (on Electron the one Playwright started). */
  readonly process: RunningProcess;
  readonly url: string;
  readonly dataDir: string;
  /** The Chromium host's browser over CDP; on Electron a stand-in whose contexts are the app's. */
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Starts the Chromium host headless with a CDP port and connects to the kiosk page over CDP.
 * `dataDir`: the data folder of an earlier run, to start the same terminal again (restart tests);
 * `env`: more environment for the host (fault injection).
 */
export async function launchKiosk(options: { config?: string; script?: string; dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-data-'));
  if (e2eHost === 'electron') return launchElectronKiosk({ ...options, dataDir });
  const cdpPort = await freePort();
  const args = ['--headless', '--cdp-port', String(cdpPort), ...(options.config ? ['--config', options.config] : [])];
  const proc = startProcess(options.script ?? join(appRoot, 'dist', 'chromium', 'host.mjs'), args, { KIOSK_DATA_DIR: dataDir, ...options.env });
  try {
    const [, url] = await proc.waitForOutput(/^KIOSK_READY (\S+)$/m);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${String(cdpPort)}`);
    // The kiosk UI's page (the workstation also keeps a blank portal context ready).
    const page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => url !== undefined && candidate.url().startsWith(url));
    if (!page || !url) throw new Error('kiosk page not found over CDP');
    return {
      process: proc,
      url,
      dataDir,
      browser,
      page,
      async close() {
        await browser.close().catch(() => undefined);
        await proc.stop();
      },
    };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/** The Electron leg: the development build under Playwright's Electron driver. */
async function launchElectronKiosk(options: { config?: string; dataDir: string; env?: Record<string, string> }): Promise<RunningKiosk> {
  const binary = electronForTests();
  if (!binary.available) throw new Error(`no Electron binary: ${binary.reason}`);
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [electronMain(appRoot), ...(options.config ? ['--config', options.config] : [])],
    cwd: appRoot,
    env: { ...process.env, KIOSK_DATA_DIR: options.dataDir, ...options.env },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('[data-screen="attract"], [data-screen="out-of-order"]', { timeout: 30_000 });
    const electronProcess = app.process();
    let output = '';
    electronProcess.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    electronProcess.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => electronProcess.on('exit', (code) => resolve(code)));
    const running: RunningProcess = {
      child: electronProcess,
      output: () => output,
      exited,
      waitForOutput: () => Promise.reject(new Error('the Electron leg prints no KIOSK_READY line')),
      stop: async () => {
        await app.close().catch(() => undefined);
      },
    };
    // Specs look up the kiosk page through browser.contexts(); Electron has one context.
    const browser = { contexts: () => [app.context()], close: () => app.close() } as unknown as Browser;
    return {
      process: running,
      url: new URL(page.url()).origin + '/',
      dataDir: options.dataDir,
      browser,
      page,
      async close() {
        await app.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** Chooses a language through the top bar's language menu, as a citizen would. */
export async function chooseLanguageInMenu(page: Page, language: string): Promise<void> {
  await page.locator('[data-action="open-languages"]').click();
  await page.locator(`[data-screen="language-menu"] [data-language="${language}"]`).click();
  await page.locator('[data-screen="language-menu"]').waitFor({ state: 'detached' });
}

/**
 * Waits until the session's reset is done: the attract state, which first shows the farewell for a
 * few seconds (a test that needs the reset, not the farewell, goes on from here).
 */
export async function waitForReset(page: Page, timeout?: number): Promise<void> {
  await page.locator('.kiosk[data-session-state="attract"]').waitFor({ timeout });
}
