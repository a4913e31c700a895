import { describe, expect, it } from 'vitest';
import { interactionsByScreen, unreportedMs, type EventTimingRecord } from '#tests/bench/interactionLatency';

const entry = (interactionId: number, name: string, startTime: number, duration: number): EventTimingRecord => ({ interactionId, name, startTime, duration });

describe('interaction latency from Event Timing', () => {
  it('takes the slowest event of each interaction, on the screen of the last mark before it', () => {
    const entries = [
      entry(1, 'pointerdown', 110, 24),
      entry(1, 'pointerup', 150, 40),
      entry(1, 'click', 150, 32),
      entry(0, 'pointerover', 105, 64),
      entry(2, 'keydown', 320, 56),
      entry(2, 'keyup', 400, 16),
    ];
    const marks = [
      { screen: 'home', at: 100, interactions: 0 },
      { screen: 'search', at: 300, interactions: 1 },
    ];
    expect(interactionsByScreen(entries, marks, 2)).toEqual([
      { screen: 'home', ms: 40, event: 'pointerup' },
      { screen: 'search', ms: 56, event: 'keydown' },
    ]);
  });

  it('counts the interactions the browser did not report as faster than its threshold', () => {
    const marks = [
      { screen: 'home', at: 100, interactions: 0 },
      { screen: 'not counted', at: 200, interactions: 3 },
      { screen: 'queue', at: 300, interactions: 3 },
    ];
    const result = interactionsByScreen([entry(7, 'click', 120, 48), entry(8, 'first-input', 90, 200)], marks, 5);
    expect(result).toEqual([
      { screen: 'home', ms: 48, event: 'click' },
      { screen: 'home', ms: unreportedMs, event: '' },
      { screen: 'home', ms: unreportedMs, event: '' },
      { screen: 'queue', ms: unreportedMs, event: '' },
      { screen: 'queue', ms: unreportedMs, event: '' },
    ]);
  });

  it('has nothing without marks', () => {
    expect(interactionsByScreen([entry(1, 'click', 10, 100)], [], 1)).toEqual([]);
  });
});
