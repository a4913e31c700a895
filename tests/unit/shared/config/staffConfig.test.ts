import { describe, expect, it } from 'vitest';
import { resolveStaffConfig, staffConfigSchema } from '#shared/config/staffConfig';

const pinHash = 'scrypt$15$8$1$RvJHxHx2028MnWsIikk0Mw==$EEn1Y5rmA++53MDNFdPleMZrubeHiZZ+XVAL1fki5KY=';

describe('staff config: lockAfterFailures', () => {
  it('locks the pad for good after 20 wrong PINs unless the config says otherwise (6–1000)', () => {
    expect(resolveStaffConfig(undefined).lockAfterFailures).toBe(20);
    expect(resolveStaffConfig(staffConfigSchema.parse({ pinHashes: [pinHash] })).lockAfterFailures).toBe(20);
    for (const value of [6, 50, 1000])
      expect(resolveStaffConfig(staffConfigSchema.parse({ pinHashes: [pinHash], lockAfterFailures: value })).lockAfterFailures).toBe(value);
  });

  it('refuses fewer than 6 (the temporary locks come first), more than 1000, and fractions', () => {
    for (const value of [0, 5, 1001, 7.5, '20']) {
      const parsed = staffConfigSchema.safeParse({ pinHashes: [pinHash], lockAfterFailures: value });
      expect(parsed.success, String(value)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['lockAfterFailures']);
    }
  });
});
