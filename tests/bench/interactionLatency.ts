/**
 * From the browser's Event Timing entries to one latency per interaction, by screen: the pure part
 * of the interaction bench (interactionBench.ts), kept apart so it can be tested without a browser.
 *
 * An interaction (a tap, a key press) is several events sharing one `interactionId` (pointerdown,
 * pointerup, click; keydown, keyup); its latency is the longest of them, input to the next paint,
 * as the browser measures INP. The browser reports only events of at least 16 ms (its lowest
 * threshold); the interactions it counted but did not report were faster than that and count as
 * 16 ms, so every tap is in the figures and none looks faster than it may have been.
 */

/** One Event Timing entry ('event' or 'first-input') as the page recorded it. */
export interface EventTimingRecord {
  readonly interactionId: number;
  readonly name: string;
  /** The input's time stamp (ms on the page's clock). */
  readonly startTime: number;
  /** Input to the next paint after its handlers ran, in 8 ms steps. */
  readonly duration: number;
}

/** The visitor moved on to `screen` at `at`; `interactions` is `performance.interactionCount` then. */
export interface ScreenMark {
  readonly screen: string;
  readonly at: number;
  readonly interactions: number;
}

export interface Interaction {
  readonly screen: string;
  readonly ms: number;
  /** The slowest event of the interaction (pointerup, click, keydown, …); '' for one under the threshold. */
  readonly event: string;
}

/** The latency given to an interaction the browser counted but did not report (it was faster). */
export const unreportedMs = 16;

/**
 * Every interaction after the first mark, each with the screen of the last mark before its input.
 * `endInteractions`: `performance.interactionCount` when the entries were collected.
 */
export function interactionsByScreen(entries: readonly EventTimingRecord[], marks: readonly ScreenMark[], endInteractions: number): Interaction[] {
  const ordered = [...marks].sort((a, b) => a.at - b.at);
  const first = ordered[0];
  if (first === undefined) return [];
  const slowest = new Map<number, EventTimingRecord & { readonly firstStart: number }>();
  for (const entry of entries) {
    if (entry.interactionId === 0) continue;
    const known = slowest.get(entry.interactionId);
    const firstStart = Math.min(known?.firstStart ?? entry.startTime, entry.startTime);
    slowest.set(entry.interactionId, known === undefined || entry.duration > known.duration ? { ...entry, firstStart } : { ...known, firstStart });
  }
  const windowOf = (at: number): number => {
    let index = -1;
    for (const [i, mark] of ordered.entries()) if (mark.at <= at) index = i;
    return index;
  };
  const reported: Interaction[][] = ordered.map(() => []);
  for (const interaction of slowest.values()) {
    const index = windowOf(interaction.firstStart);
    const mark = ordered[index];
    if (mark !== undefined) reported[index]?.push({ screen: mark.screen, ms: interaction.duration, event: interaction.name });
  }
  return ordered.flatMap((mark, index) => {
    const counted = (ordered[index + 1]?.interactions ?? endInteractions) - mark.interactions;
    const shown = reported[index] ?? [];
    const faster = Array.from({ length: Math.max(0, counted - shown.length) }, (): Interaction => ({ screen: mark.screen, ms: unreportedMs, event: '' }));
    return [...shown, ...faster];
  });
}
