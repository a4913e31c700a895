import type { HelpView } from '#shared/contract/helpContract';

/** The terminal's chime settings (bootstrap `help.chime`). */
export interface ChimeSettings {
  readonly enabled: boolean;
  /** How often the two tones sound for one call (1–5): never endless. */
  readonly repeats: number;
  /** 0–1; an escalated call chimes at full volume. */
  readonly volume: number;
}

/** One chime to play: the two tones `repeats` times at `volume`. */
export interface ChimePlan {
  readonly repeats: number;
  readonly volume: number;
}

/** One tone of a chime, in seconds from its start. */
export interface ChimeTone {
  readonly frequency: number;
  readonly at: number;
  readonly duration: number;
}

export const maxChimeRepeats = 5;
/** A descending "ding – dong" (E5, C5): the sound of a service bell, recognisable and not alarming. */
const tones = [659.25, 523.25] as const;
const toneSeconds = 0.7;
const toneGapSeconds = 0.45;
/** From one "ding – dong" to the next: the second tone has faded before the next begins. */
const repeatSeconds = 1.6;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * Whether a change of the call chimes, and how: a new call chimes `repeats` times at the configured
 * volume; the moment a call escalates (nobody acknowledged it in time) it chimes once more at full
 * volume. Nothing else chimes: not an acknowledgement, not a cancelled or resolved call, not the
 * same state told again — and nothing at all when the chime is switched off.
 */
export function chimeFor(previous: HelpView, next: HelpView, settings: ChimeSettings | null): ChimePlan | null {
  if (!settings?.enabled) return null;
  const repeats = clamp(Math.round(settings.repeats), 1, maxChimeRepeats);
  const newCall = next.status === 'requested' && (previous.status !== 'requested' || previous.callId !== next.callId);
  if (newCall) return { repeats, volume: next.escalated ? 1 : clamp(settings.volume, 0, 1) };
  const escalatedNow = next.status !== 'clear' && next.escalated && !previous.escalated && next.callId === previous.callId;
  if (escalatedNow) return { repeats, volume: 1 };
  return null;
}

/** The tones of a chime: each repeat is the two tones, one after the other. */
export function chimeTones(plan: ChimePlan): ChimeTone[] {
  const repeats = clamp(Math.round(plan.repeats), 1, maxChimeRepeats);
  return Array.from({ length: repeats }, (_, repeat) =>
    tones.map((frequency, index) => ({ frequency, at: repeat * repeatSeconds + index * toneGapSeconds, duration: toneSeconds })),
  ).flat();
}

/** How long a chime lasts, in seconds (its last tone faded out). */
export function chimeSeconds(plan: ChimePlan): number {
  const last = chimeTones(plan).at(-1);
  return last === undefined ? 0 : last.at + last.duration;
}
