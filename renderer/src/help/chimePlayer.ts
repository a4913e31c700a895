import { chimeSeconds, chimeTones, type ChimePlan } from './helpChime';

/**
 * Plays the help chime with the Web Audio API: two sine tones with a soft attack and a bell-like
 * fade, no audio files. One AudioContext for the page, made on first use: a context made during a
 * tap (the citizen's "yes, call") may play later without one, so the escalation chime is heard too.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

/** Makes the audio ready while the citizen's tap is still going on (browsers start sound only after a gesture). */
export function primeChime(): void {
  void audio()
    ?.resume()
    .catch(() => undefined);
}

const silent = 0.0001;
const attackSeconds = 0.02;

/** Plays one chime; it ends by itself after its repeats. */
export function playChime(plan: ChimePlan): void {
  const ctx = audio();
  if (ctx === null) return;
  void ctx.resume().catch(() => undefined);
  // One volume for the whole chime, so it is the one number that says how loud it is.
  const master = ctx.createGain();
  master.gain.value = plan.volume;
  master.connect(ctx.destination);
  const start = ctx.currentTime + 0.05;
  for (const tone of chimeTones(plan)) {
    const oscillator = ctx.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.value = tone.frequency;
    const envelope = ctx.createGain();
    const from = start + tone.at;
    envelope.gain.setValueAtTime(silent, from);
    envelope.gain.exponentialRampToValueAtTime(1, from + attackSeconds);
    envelope.gain.exponentialRampToValueAtTime(silent, from + tone.duration);
    oscillator.connect(envelope);
    envelope.connect(master);
    oscillator.start(from);
    oscillator.stop(from + tone.duration + 0.05);
  }
  window.setTimeout(
    () => {
      master.disconnect();
    },
    (chimeSeconds(plan) + 0.5) * 1000,
  );
}
