import type { Clock } from '#core/session/clock';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** A manual clock: timers run only when the test calls `advance`. */
export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, due: this.#now + Math.max(0, ms), callback };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.#timers.length;
  }

  /** Delays of the pending timers from now, in ms, soonest first. */
  pendingDelays(): number[] {
    return this.#timers.map((t) => t.due - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const next = [...this.#timers].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > target) break;
      this.#timers = this.#timers.filter((t) => t.id !== next.id);
      this.#now = next.due;
      next.callback();
    }
    this.#now = target;
  }
}

/** Lets pending promise callbacks run (no real waiting). */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
