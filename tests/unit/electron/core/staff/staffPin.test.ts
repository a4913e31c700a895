import { describe, expect, it } from 'vitest';
import { hashPin, isPinWellFormed, parsePinHash, verifyPin } from '#core/staff/staffPin';
import { pinHashPattern } from '#shared/config/staffConfig';
import { cheapPinHash } from './staffFakes';

const pin = '48151623';

async function hashOf(value: string): Promise<string> {
  const hash = await hashPin(value);
  if (!hash.ok) throw new Error(hash.error.detail);
  return hash.value;
}

describe('staff PIN hashes', () => {
  it('makes the stored form the config accepts, without the PIN in it', async () => {
    const hash = await hashOf(pin);
    expect(hash).toMatch(pinHashPattern);
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(hash).not.toContain(pin);
    const parsed = parsePinHash(hash);
    expect(parsed.ok && parsed.value.salt.length).toBe(16);
    expect(parsed.ok && parsed.value.key.length).toBe(32);
  });

  it('salts every hash: the same PIN twice gives two different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashOf(pin), hashOf(pin)]);
    expect(a).not.toBe(b);
    expect(await verifyPin(pin, a)).toEqual({ ok: true, value: true });
    expect(await verifyPin(pin, b)).toEqual({ ok: true, value: true });
  });

  it('a wrong PIN does not verify', async () => {
    const hash = await hashOf(pin);
    expect(await verifyPin('48151624', hash)).toEqual({ ok: true, value: false });
    expect(await verifyPin('', hash)).toEqual({ ok: true, value: false });
  });

  it('refuses to hash anything but 6–12 digits', async () => {
    for (const bad of ['123', '1234', '12345', '1234567890123', '12a456', ' 123456', '']) {
      expect(isPinWellFormed(bad)).toBe(false);
      const hash = await hashPin(bad);
      expect(hash.ok).toBe(false);
      expect(JSON.stringify(hash)).not.toContain(bad === '' ? 'never' : bad);
    }
  });

  it('a PIN shorter than 6 digits opens nothing, even the hash made of it before 6 digits were required', async () => {
    for (const short of ['1234', '12345']) expect(await verifyPin(short, cheapPinHash(short))).toEqual({ ok: true, value: false });
    expect(await verifyPin('123456', cheapPinHash('123456'))).toEqual({ ok: true, value: true });
  });

  it('a PIN shorter than 6 digits is refused without even being hashed', async () => {
    const good = await hashOf(pin);
    const [, , , , salt = '', key = ''] = good.split('$');
    // A cost scrypt refuses: a PIN that reached scrypt would give an error, not a plain "no".
    const refusedByScrypt = `scrypt$20$16$1$${salt}$${key}`;
    expect((await verifyPin('12345', refusedByScrypt)).ok).toBe(true);
    expect((await verifyPin('123456', refusedByScrypt)).ok).toBe(false);
  });

  it('a malformed stored hash gives a reason, never a throw', async () => {
    const good = await hashOf(pin);
    const [, , , , salt = '', key = ''] = good.split('$');
    const cases = [
      'not a hash',
      `bcrypt$15$8$1$${salt}$${key}`,
      `scrypt$15$8$1$${salt}`,
      `scrypt$99$8$1$${salt}$${key}`,
      `scrypt$15$0$1$${salt}$${key}`,
      `scrypt$15$8$9$${salt}$${key}`,
      `scrypt$15$8$1$%%%%$${key}`,
      `scrypt$15$8$1$${salt}$AAAA`,
      `scrypt$15$8$1$${salt}$${key.slice(1)}`,
    ];
    for (const hash of cases) {
      const result = await verifyPin(pin, hash);
      expect(result.ok, hash).toBe(false);
      expect(result.ok ? '' : (result.error.detail ?? '')).not.toContain(pin);
    }
  });

  it('a cost beyond what the kiosk may spend is refused with a reason', async () => {
    const good = await hashOf(pin);
    const [, , , , salt = '', key = ''] = good.split('$');
    // 128 · 2^20 · 16 bytes = 2 GiB: scrypt refuses above the memory limit instead of taking the kiosk down.
    const result = await verifyPin(pin, `scrypt$20$16$1$${salt}$${key}`);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.detail).toMatch(/scrypt/);
  });
});
