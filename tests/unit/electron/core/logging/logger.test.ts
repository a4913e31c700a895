import { mkdtempSync, statSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, errorKind, redact, redactedKeys, stripQueries } from '#core/logging/logger';
import { pruneRotatedLogs } from '#core/logging/logRetention';
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

  it('removes secrets at any depth: PIN hashes, webhook secrets, signatures, authorization headers, tokens', () => {
    const log = captureLog();
    const secrets = {
      staff: { pinHashes: ['scrypt$CANARY-hash'] },
      help: { channels: [{ secret: 'CANARY-webhook-secret' }] },
      headers: { authorization: 'Bearer CANARY-token', Authorization: 'Basic CANARY-basic' },
      request: { signature: 'sha256=CANARY-signature', token: 'CANARY-raw-token', password: 'CANARY-password', secrets: { any: 'CANARY-secrets' } },
    };
    log.logger.warn({ event: 'config-dump', config: secrets }, 'everything that must not be in a log');
    expect(log.raw()).not.toContain('CANARY');
  });

  it('redact() leaves values of other types alone', () => {
    expect(redact('plain')).toBe('plain');
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redactedKeys.has('pin')).toBe(true);
  });
});

describe('log hygiene', () => {
  it('cuts the query and fragment off every address in any logged string', () => {
    expect(stripQueries('failed: https://service.jena.de/antrag?name=Erika+Mustermann#step2 (timeout)')).toBe(
      'failed: https://service.jena.de/antrag (timeout)',
    );
    expect(stripQueries('kiosk://app/?q=Reisepass')).toBe('kiosk://app/');
    const log = captureLog();
    log.logger.warn({ event: 'x', detail: 'net::ERR at http://127.0.0.1:8080/form?iban=DE0012345678' }, 'x');
    expect(log.raw()).not.toContain('DE0012345678');
    expect(log.raw()).toContain('http://127.0.0.1:8080/form');
  });

  it('removes keys that hold addresses, titles, file names and messages', () => {
    const log = captureLog();
    log.logger.info({ url: 'https://a.example/', title: 'Bescheid Mustermann', filename: 'Bescheid_Mustermann.pdf', message: 'Hallo Erika' }, 'x');
    expect(log.raw()).not.toMatch(/Mustermann|Erika|a\.example/);
  });

  it('an error becomes its code or class, never its message', () => {
    expect(errorKind(Object.assign(new Error('open /srv/scans/Mustermann.pdf'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorKind(new TypeError('cannot read Erika'))).toBe('TypeError');
    expect(errorKind('Erika')).toBe('string');
  });

  it('the log file and its folder are for the kiosk user only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kiosk-log-')), 'logs');
    createLogger({ logDir: dir }).info({ event: 'x' }, 'x');
    expect(statSync(join(dir, 'kiosk.log')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('rotated logs past their retention are deleted; newer ones and the live log stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    const now = Date.now();
    for (const [name, ageDays] of [
      ['kiosk.log', 40],
      ['kiosk.log.1', 2],
      ['kiosk.log.2.gz', 20],
      ['other.txt', 40],
    ] as const) {
      writeFileSync(join(dir, name), 'x');
      const at = new Date(now - ageDays * 86_400_000);
      utimesSync(join(dir, name), at, at);
    }
    expect(await pruneRotatedLogs(dir, 14, now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'other.txt']);
  });
});
