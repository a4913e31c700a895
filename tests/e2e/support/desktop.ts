import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

/**
 * A real X desktop for tests that need a window manager: Xvfb (its own display number, chosen by
 * Xvfb itself) with openbox on it, driven and read with xdotool, xwininfo and xwd (Debian packages
 * xvfb, openbox, xdotool, x11-utils, x11-apps). Keys go through the X server, so the window manager
 * and the browser see them as they would from a keyboard.
 */

const run = promisify(execFile);

export interface XWindow {
  readonly id: string;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Desktop {
  /** The DISPLAY value, e.g. ":7". */
  readonly display: string;
  readonly width: number;
  readonly height: number;
  /** The environment for a program that should open its windows here. */
  env(): Record<string, string>;
  /** Chromium's visible windows (the browser's X class), with title and geometry from the X server. */
  chromiumWindows(): Promise<XWindow[]>;
  /** Focuses `window` and presses a key combination, e.g. "ctrl+t" or "alt+F4". */
  key(window: XWindow | null, combination: string): Promise<void>;
  /** Runs xdotool with these arguments (mouse moves, clicks, key downs and ups). */
  xdotool(...args: string[]): Promise<string>;
  /** The windows the window manager manages (EWMH _NET_CLIENT_LIST): every top-level window of every program. */
  managedWindows(): Promise<string[]>;
  /** The window manager's active window (EWMH _NET_ACTIVE_WINDOW), or null. */
  activeWindow(): Promise<string | null>;
  /** True when the window manager shows `window` full screen (EWMH _NET_WM_STATE_FULLSCREEN). */
  isFullscreen(window: string): Promise<boolean>;
  /** Types text into the focused window. */
  type(text: string): Promise<void>;
  /** The whole X screen as a PNG, from the X server (not from the browser). */
  screenshot(): Promise<PNG>;
  close(): Promise<void>;
}

const screen = { width: 1920, height: 1080 };

/** Starts Xvfb and openbox; resolves once the window manager has taken the screen. */
export async function startDesktop(): Promise<Desktop> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${String(screen.width)}x${String(screen.height)}x24`, '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    const fd3 = xvfb.stdio[3];
    if (fd3 === null || fd3 === undefined) {
      reject(new Error('no display pipe from Xvfb'));
      return;
    }
    fd3.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.once('exit', (code) => {
      reject(new Error(`Xvfb exited (${String(code)}) before it opened a display`));
    });
  });
  const display = `:${number}`;
  const env = { ...process.env, DISPLAY: display } as Record<string, string>;
  const wm = spawn('openbox', ['--sm-disable'], { env, stdio: 'ignore' });
  await waitForWindowManager(env);

  const x = async (command: string, args: readonly string[], maxBuffer = 1024 * 1024): Promise<string> =>
    (await run(command, [...args], { env, maxBuffer, encoding: 'utf8' })).stdout;

  return {
    display,
    width: screen.width,
    height: screen.height,
    env: () => ({ DISPLAY: display }),
    async chromiumWindows() {
      let ids: string[];
      try {
        ids = (await x('xdotool', ['search', '--onlyvisible', '--class', 'chromium'])).split('\n').filter((line) => line.trim() !== '');
      } catch {
        return []; // xdotool search exits 1 when nothing matches
      }
      const windows: XWindow[] = [];
      for (const id of ids) {
        try {
          windows.push(parseWindowInfo(id, await x('xwininfo', ['-id', id])));
        } catch {
          // The window went away between the search and the question.
        }
      }
      return windows;
    },
    xdotool: (...args) => x('xdotool', args),
    async managedWindows() {
      return windowIds(await x('xprop', ['-root', '_NET_CLIENT_LIST']));
    },
    async activeWindow() {
      const [id] = windowIds(await x('xprop', ['-root', '_NET_ACTIVE_WINDOW']));
      return id ?? null;
    },
    async isFullscreen(window) {
      return (await x('xprop', ['-id', window, '_NET_WM_STATE'])).includes('_NET_WM_STATE_FULLSCREEN');
    },
    async key(window, combination) {
      if (window !== null) await x('xdotool', ['windowactivate', '--sync', window.id]).catch(() => '');
      await x('xdotool', ['key', '--clearmodifiers', combination]);
    },
    async type(text) {
      await x('xdotool', ['type', '--delay', '30', text]);
    },
    async screenshot() {
      const raw = await run('xwd', ['-root', '-silent'], { env, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' });
      return xwdToPng(raw.stdout);
    },
    async close() {
      await stop(wm);
      await stop(xvfb);
    },
  };
}

async function waitForWindowManager(env: Record<string, string>): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    try {
      const { stdout } = await run('xprop', ['-root', '_NET_SUPPORTING_WM_CHECK'], { env, encoding: 'utf8' });
      if (stdout.includes('window id')) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('openbox did not take the screen within 15 s');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Window ids (decimal, as xdotool writes them) in an xprop line such as `_NET_CLIENT_LIST(WINDOW): window id # 0x400007, 0x600003`. */
export function windowIds(xprop: string): string[] {
  return [...xprop.matchAll(/0x[0-9a-f]+/gi)].map((match) => String(Number.parseInt(match[0], 16))).filter((id) => id !== '0');
}

/** Title and absolute geometry from `xwininfo -id`. */
export function parseWindowInfo(id: string, info: string): XWindow {
  const number = (label: string): number => {
    const match = new RegExp(`${label}:\\s+(-?\\d+)`).exec(info);
    if (!match?.[1]) throw new Error(`xwininfo gave no ${label}`);
    return Number(match[1]);
  };
  const title = /xwininfo: Window id: \S+ "(.*)"/.exec(info)?.[1] ?? '';
  return { id, title, x: number('Absolute upper-left X'), y: number('Absolute upper-left Y'), width: number('Width'), height: number('Height') };
}

interface Channel {
  readonly mask: number;
  readonly shift: number;
}

/** Decodes an X window dump (XWD, ZPixmap, 24 or 32 bits per pixel) into a PNG image. */
export function xwdToPng(dump: Buffer): PNG {
  const field = (index: number): number => dump.readUInt32BE(index * 4);
  const headerSize = field(0);
  const format = field(2);
  const width = field(4);
  const height = field(5);
  const byteOrder = field(7);
  const bitsPerPixel = field(11);
  const bytesPerLine = field(12);
  const masks = [field(14), field(15), field(16)] as const;
  const colours = field(19);
  if (format !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24))
    throw new Error(`unsupported XWD: format ${String(format)}, ${String(bitsPerPixel)} bits per pixel`);
  const start = headerSize + colours * 12;
  const png = new PNG({ width, height });
  const bytes = bitsPerPixel / 8;
  // Each channel's mask and shift worked out once: the loop runs for every pixel of the screen.
  const shiftOf = (mask: number): number => {
    let shift = 0;
    while (shift < 32 && ((mask >>> shift) & 1) === 0) shift += 1;
    return shift;
  };
  const [red, green, blue] = masks.map((mask) => ({ mask, shift: shiftOf(mask) })) as [Channel, Channel, Channel];
  const littleEndian = byteOrder === 0;
  const out = png.data;
  for (let y = 0; y < height; y += 1) {
    const line = start + y * bytesPerLine;
    for (let x = 0; x < width; x += 1) {
      const at = line + x * bytes;
      const pixel =
        bytes === 4 ? (littleEndian ? dump.readUInt32LE(at) : dump.readUInt32BE(at)) : littleEndian ? dump.readUIntLE(at, 3) : dump.readUIntBE(at, 3);
      const o = (y * width + x) * 4;
      out[o] = ((pixel & red.mask) >>> red.shift) & 0xff;
      out[o + 1] = ((pixel & green.mask) >>> green.shift) & 0xff;
      out[o + 2] = ((pixel & blue.mask) >>> blue.shift) & 0xff;
      out[o + 3] = 255;
    }
  }
  return png;
}

/**
 * The largest mean difference per channel (0–255) over square tiles of two images of one size: a
 * small bubble, bar or dialog drawn over the page stands out in its tile, where a whole-image mean
 * would hide it; a blinking text caret stays far below it.
 */
export function largestTileDifference(a: PNG, b: PNG, tile = 64): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${String(a.width)}×${String(a.height)} and ${String(b.width)}×${String(b.height)}`);
  let largest = 0;
  for (let top = 0; top < a.height; top += tile) {
    for (let left = 0; left < a.width; left += tile) {
      let sum = 0;
      let count = 0;
      for (let y = top; y < Math.min(top + tile, a.height); y += 1) {
        for (let x = left; x < Math.min(left + tile, a.width); x += 1) {
          const i = (y * a.width + x) * 4;
          for (let c = 0; c < 3; c += 1) sum += Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0));
          count += 3;
        }
      }
      largest = Math.max(largest, sum / count);
    }
  }
  return largest;
}
