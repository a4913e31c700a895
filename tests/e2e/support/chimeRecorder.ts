import type { Page } from '@playwright/test';

/**
 * There is no audio device here, so tests record what the kiosk asks the Web Audio API to play
 * (as speechRecorder.ts does for speech): every chime is a gain node connected to the speakers,
 * whose gain is the chime's volume, and its tones are the oscillators started after it. The kiosk
 * has no test hook of its own; this wraps the browser's Web Audio prototypes in the page.
 */
export interface Chime {
  readonly volume: number;
  /** The frequencies of the tones, in the order they were started. */
  readonly tones: number[];
}

function install(): void {
  const w = window as unknown as { __kioskChimes?: { volume: number; tones: number[] }[] };
  if (w.__kioskChimes) return;
  const chimes: { volume: number; tones: number[] }[] = [];
  w.__kioskChimes = chimes;
  // Taken as plain functions and always called with their node as `this`.
  const connect = Reflect.get(AudioNode.prototype, 'connect') as unknown as (...args: unknown[]) => unknown;
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    if (this instanceof GainNode && args[0] instanceof AudioDestinationNode) chimes.push({ volume: this.gain.value, tones: [] });
    return Reflect.apply(connect, this, args);
  } as typeof AudioNode.prototype.connect;
  const start = Reflect.get(OscillatorNode.prototype, 'start');
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    chimes.at(-1)?.tones.push(this.frequency.value);
    Reflect.apply(start, this, [when]);
  };
}

/** Starts recording chimes in the page as it is now, and in every page load after (an init script). */
export async function recordChimes(page: Page): Promise<void> {
  await page.addInitScript(install);
  await page.evaluate(install);
}

/** Every chime played since recordChimes. */
export const chimes = (page: Page): Promise<Chime[]> => page.evaluate(() => (window as unknown as { __kioskChimes?: Chime[] }).__kioskChimes ?? []);
