import { describe, expect, it } from 'vitest';
import { redact, redactedKeys } from '#core/logging/logger';
import { captureLog } from '#tests/unit/support/logCapture';

const canaries = {
  name: 'CANARY-Erika-Mustermann',
  pin: 'CANARY-123456',
  mrz: 'CANARY-IDD<<T220001293',
  payload: 'CANARY-payload',
  text: 'CANARY-receipt-text',
};

describe('log redaction', () => {
  it('removes citizen data at any depth, in arrays too, and keeps the rest', () => {
    const log = captureLog('trace');
    log.logger.info(
      {
        event: 'something',
        channel: 'session.start',
        pin: canaries.pin,
        details: { a: { b: { name: canaries.name } }, list: [{ mrz: canaries.mrz }, { payload: canaries.payload }] },
        receipt: { blocks: [{ text: canaries.text }] },
      },
      'message',
    );
    const raw = log.raw();
    for (const canary of Object.values(canaries)) expect(raw).not.toContain(canary);
    const [entry] = log.entries();
    expect(entry).toMatchObject({ event: 'something', channel: 'session.start', pin: '[redacted]', receipt: '[redacted]' });
    expect(entry?.details).toEqual({ a: { b: { name: '[redacted]' } }, list: [{ mrz: '[redacted]' }, { payload: '[redacted]' }] });
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { event: 'x' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { name: canaries.name };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    const log = captureLog('trace');
    expect(() => {
      log.logger.warn({ cyclic, deep }, 'odd objects');
    }).not.toThrow();
    expect(log.raw()).not.toContain(canaries.name);
  });

  it('redact() leaves values of other types alone', () => {
    expect(redact('plain')).toBe('plain');
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redactedKeys.has('pin')).toBe(true);
  });
});
