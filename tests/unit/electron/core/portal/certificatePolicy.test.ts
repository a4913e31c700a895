import { describe, expect, it } from 'vitest';
import { decideCertificateError } from '#core/portal/certificatePolicy';

describe('decideCertificateError', () => {
  it('always refuses, there is no override', () => {
    expect(decideCertificateError()).toEqual({ action: 'refuse', reason: 'certificate' });
  });
});
