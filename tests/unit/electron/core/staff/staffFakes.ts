import { randomBytes, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffConfig } from '#shared/config/staffConfig';

/** The staff PIN of the tests; it must never appear in a file or a log. */
export const staffPin = '7351942';
export const wrongPin = '7351943';

/**
 * A real scrypt hash of {@link staffPin} in the stored form, at the lowest cost the format allows
 * (N = 2^14, r = 1), so the many PIN checks of the tests stay fast; verifyPin treats it like any
 * other. The full-cost hashes of `npm run staff:pin` are tested in staffPin.test.ts.
 */
export function cheapPinHash(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, { N: 2 ** 14, r: 1, p: 1 });
  return `scrypt$14$1$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

const hash = cheapPinHash(staffPin);

/** The hash of {@link staffPin} the tests configure. */
export function staffPinHash(): string {
  return hash;
}

/** A staff section with the test PIN's hash and the other values as given. */
export function staffConfig(overrides: Partial<StaffConfig> = {}): StaffConfig {
  return {
    pinHashes: [hash],
    gesture: { corner: 'top-left', taps: 5, withinSeconds: 3 },
    lockAfterSeconds: 60,
    lockAfterFailures: 20,
    language: 'de',
    outOfOrderPlace: 'Foyer, Schalter 1',
    ...overrides,
  };
}

/** Every file below `dir` with its content, to look for the PIN in all of them. */
export function allFiles(dir: string): { path: string; content: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, content: readFileSync(path, 'utf8') }));
}
