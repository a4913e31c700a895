/** A small seeded PRNG (mulberry32), so fuzz inputs are the same on every run and failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes, all 256 values possible. */
export function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A random string drawn from `alphabet`. */
export function randomString(random: () => number, alphabet: string, length: number): string {
  const chars = Array.from(alphabet);
  return Array.from({ length }, () => chars[Math.floor(random() * chars.length)] ?? '').join('');
}
