import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { fail, ok, type Result } from '#shared/result';

/**
 * Staff PINs as slow hashes (docs/architecture.md, "Security"): scrypt with N = 2^15, r = 8, p = 1 costs about 32 MiB
 * and a noticeable fraction of a second per guess, which makes trying all 6–12 digit PINs offline
 * expensive; the pad lockout (pinLockout.ts) limits guesses at the terminal. The stored form is
 * `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`, so the parameters can be raised later
 * without breaking hashes already in configs. The PIN itself is never stored, printed or logged.
 */

/** What a PIN may be: 6 to 12 digits (the PIN pad has digits only; README.md, "Help calls and staff access"). */
export const pinPattern = /^\d{6,12}$/;

const hashParameters = { log2N: 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;
/** Parameters a stored hash may ask for (as the config schema allows); beyond them memory would be at risk. */
const limits = { log2N: { min: 14, max: 20 }, r: { min: 1, max: 16 }, p: { min: 1, max: 4 }, minSaltBytes: 16, minKeyBytes: 16, maxKeyBytes: 64 } as const;
/** scrypt needs 128·N·r bytes; Node refuses above `maxmem` (default 32 MiB, exactly what N = 2^15, r = 8 needs). */
const maxMemoryBytes = 512 * 1024 * 1024;

/** A parsed stored hash. */
export interface PinHash {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

/** True when `pin` has the form a PIN must have (6–12 digits). */
export function isPinWellFormed(pin: string): boolean {
  return pinPattern.test(pin);
}

/** Makes the stored form of a PIN with a fresh random salt; fails for a PIN that is not 6–12 digits. */
export async function hashPin(pin: string): Promise<Result<string>> {
  if (!isPinWellFormed(pin)) return fail('invalid-payload', 'a PIN is 6 to 12 digits');
  const { log2N, r, p, saltBytes, keyBytes } = hashParameters;
  const salt = randomBytes(saltBytes);
  const key = await derive(pin, salt, keyBytes, log2N, r, p);
  if (!key.ok) return key;
  return ok(['scrypt', String(log2N), String(r), String(p), salt.toString('base64'), key.value.toString('base64')].join('$'));
}

/**
 * Checks a PIN against a stored hash in constant time: ok(true) it matches, ok(false) it does not,
 * an error (with the reason, never the PIN) when the stored hash is unusable. Never throws.
 */
export async function verifyPin(pin: string, stored: string): Promise<Result<boolean>> {
  const parsed = parsePinHash(stored);
  if (!parsed.ok) return parsed;
  // Not even hashed: a hash IT once made of a shorter PIN (4–5 digits were allowed before) must
  // open nothing, and the hash cannot tell how long its PIN was.
  if (!isPinWellFormed(pin)) return ok(false);
  const { log2N, r, p, salt, key } = parsed.value;
  const derived = await derive(pin, salt, key.length, log2N, r, p);
  if (!derived.ok) return derived;
  // Both are key.length bytes long, so timingSafeEqual cannot throw.
  return ok(timingSafeEqual(derived.value, key));
}

/** Reads the stored form; the reason says what is wrong, never the hash itself. */
export function parsePinHash(stored: string): Result<PinHash> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return fail('invalid-payload', 'not of the form scrypt$<log2 N>$<r>$<p>$<salt>$<hash>');
  const [log2N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  if (log2N === undefined || !within(log2N, limits.log2N))
    return fail('invalid-payload', `log2 N must be ${String(limits.log2N.min)}–${String(limits.log2N.max)}`);
  if (r === undefined || !within(r, limits.r)) return fail('invalid-payload', `r must be ${String(limits.r.min)}–${String(limits.r.max)}`);
  if (p === undefined || !within(p, limits.p)) return fail('invalid-payload', `p must be ${String(limits.p.min)}–${String(limits.p.max)}`);
  const salt = strictBase64(parts[4] ?? '');
  const key = strictBase64(parts[5] ?? '');
  if (salt === null || salt.length < limits.minSaltBytes)
    return fail('invalid-payload', `the salt must be base64 of at least ${String(limits.minSaltBytes)} bytes`);
  if (key === null || key.length < limits.minKeyBytes || key.length > limits.maxKeyBytes) {
    return fail('invalid-payload', `the hash must be base64 of ${String(limits.minKeyBytes)}–${String(limits.maxKeyBytes)} bytes`);
  }
  return ok({ log2N, r, p, salt, key });
}

function within(value: number, range: { readonly min: number; readonly max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * Padded base64, as hashPin writes it, that decodes and encodes back to the same text (Buffer.from
 * silently skips junk): a hash cut short by a copy-and-paste is refused, never read as another key.
 */
function strictBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function derive(pin: string, salt: Buffer, keyBytes: number, log2N: number, r: number, p: number): Promise<Result<Buffer>> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: Math.min(maxMemoryBytes, 2 * 128 * N * r + 1024 * 1024) };
  return new Promise((resolve) => {
    try {
      scrypt(pin, salt, keyBytes, options, (error, key) => {
        resolve(error ? fail('internal', `scrypt failed: ${error.message}`) : ok(key));
      });
    } catch (error) {
      // Invalid parameters throw synchronously; the message names parameters, never the PIN.
      resolve(fail('internal', `scrypt refused the parameters: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}
