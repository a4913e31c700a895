/**
 * Fuzzing of the IPC router behind both hosts (docs/architecture.md, "The life of a request"): thousands of
 * seeded payloads per request channel through the real router and the real handlers of a kiosk
 * core, each answered with a typed Result, in time, with nothing of the payload in the log and the
 * built-in prototypes untouched. A failure names its seed: FUZZ_SEED=<seed> replays it, FUZZ_RUNS
 * sets the payloads per channel (10,000 by default).
 */
import { describe, expect, it } from 'vitest';
import type { CallOrigin } from '#core/ipc/ipcRouter';
import { requestChannels, type RequestChannel } from '#shared/contract/channels';
import {
  createFuzzCore,
  exampleOf,
  fuzzCanary,
  fuzzFamilies,
  fuzzHints,
  fuzzRuns,
  fuzzSeed,
  fuzzTransport,
  mulberry32,
  payloadFuzzer,
  prototypeChanges,
  prototypeSnapshot,
  replayHint,
  reportLine,
} from '#tests/support/ipcFuzz';

const seed = fuzzSeed();
const runs = fuzzRuns();
const channels = Object.keys(requestChannels) as RequestChannel[];

describe('the payload generator', () => {
  it('reads the seed and the run count from the environment, with fixed defaults', () => {
    expect(fuzzSeed({})).toBe(fuzzSeed({ FUZZ_SEED: '' }));
    expect(fuzzSeed({ FUZZ_SEED: '0x2a' })).toBe(42);
    expect(fuzzSeed({ FUZZ_SEED: '42' })).toBe(42);
    expect(() => fuzzSeed({ FUZZ_SEED: 'abc' })).toThrow(/FUZZ_SEED/);
    expect(fuzzRuns({})).toBe(10_000);
    expect(fuzzRuns({ FUZZ_RUNS: '100' })).toBe(100);
    expect(replayHint(42)).toBe('FUZZ_SEED=0x2a');
  });

  it('makes the same payloads from the same seed, and others from another', () => {
    const run = (s: number) => {
      const fuzzer = payloadFuzzer({ channel: 'queue.draw', schema: requestChannels['queue.draw'].request, seed: s, hints: fuzzHints });
      return Array.from({ length: 200 }, () => fuzzer.next()).map(({ family, note }) => `${family} ${note}`);
    };
    expect(run(seed)).toEqual(run(seed));
    expect(run(seed)).not.toEqual(run(seed + 1));
    expect([mulberry32(7).next(), mulberry32(7).next()]).toEqual([mulberry32(7).next(), mulberry32(7).next()]);
  });

  it.each(channels)('derives valid payloads for %s from its schema', (channel) => {
    const schema = requestChannels[channel].request;
    const r = mulberry32(seed);
    expect(schema.safeParse(exampleOf(schema, null, fuzzHints)).success).toBe(true);
    for (let i = 0; i < 20; i += 1) expect(schema.safeParse(exampleOf(schema, r, fuzzHints)).success).toBe(true);
  });

  it('makes every family, carries the canary and own prototype keys', () => {
    const fuzzer = payloadFuzzer({ channel: 'content.printSlip', schema: requestChannels['content.printSlip'].request, seed });
    const cases = Array.from({ length: 2000 }, () => fuzzer.next());
    expect(new Set(cases.map((c) => c.family))).toEqual(new Set(fuzzFamilies));
    const own = cases.filter((c) => c.family === 'prototype-keys' && typeof c.payload === 'object' && c.payload !== null);
    expect(own.some((c) => Object.hasOwn(c.payload as object, '__proto__') || c.note.includes('own __proto__'))).toBe(true);
    const texts = cases.filter((c) => c.family === 'unicode').map((c) => JSON.stringify(c.payload));
    expect(texts.every((text) => text.includes(fuzzCanary))).toBe(true);
  });
});

describe('the fuzz loop', () => {
  const senders = [
    { label: 'kiosk', trusted: true, sender: true },
    { label: 'foreign', trusted: false, sender: false },
  ] as const;
  const internal = { ok: false, error: { code: 'internal' } };

  it.each([
    ['throws', () => Promise.reject(new TypeError('boom')), /threw TypeError/],
    ['never answers', () => new Promise(() => undefined), /no answer within 20 ms/],
    ['answers something else than a Result', () => ({ ok: 'yes' }), /not a Result/],
    ['answers a code the contract does not know', () => ({ ok: false, error: { code: 'teapot' } }), /not a KioskErrorCode/],
    ['puts payload text into the detail', () => ({ ok: false, error: { code: 'invalid-payload', detail: fuzzCanary } }), /carries payload text/],
    ['accepts every sender, channel and payload', () => ({ ok: true, value: {} }), /expected (untrusted-sender|unknown-channel|invalid-payload)/],
    ['fails inside a handler', () => internal, /internal/],
  ])('reports a transport that %s, with the seed', async (_label, call, expected) => {
    const report = await fuzzTransport<boolean>({ seed, runs: 3, call, senders: [senders[0], senders[1]], timeoutMs: 20, untrustedShare: 0.5 });
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures.join('\n')).toMatch(expected);
    expect(report.failures[0]).toContain(replayHint(seed));
  });
});

describe('the IPC router under fuzzing', () => {
  it(`answers ${String(runs)} fuzzed payloads per channel, and as many unknown channels, with typed Results (seed ${replayHint(seed)})`, async () => {
    const before = prototypeSnapshot();
    const fuzz = await createFuzzCore();
    try {
      const kiosk: CallOrigin = { trusted: true, description: 'kiosk://app' };
      const report = await fuzzTransport<CallOrigin>({
        seed,
        runs,
        call: (channel, payload, origin) => fuzz.core.router.handle(channel, payload, origin),
        senders: [
          { label: 'kiosk', trusted: true, sender: kiosk },
          { label: 'foreign origin', trusted: false, sender: { trusted: false, description: 'https://evil.example' } },
          { label: 'destroyed frame', trusted: false, sender: { trusted: false, description: 'destroyed frame' } },
        ],
        // Time passes on the core's clock now and then: sessions warn, end and reset meanwhile.
        afterRound: (round) => {
          if (round % 50 === 49) fuzz.clock.advance(10_000);
        },
      });
      expect(report.failures, replayHint(seed)).toEqual([]);
      expect(report.calls).toBe(runs * (channels.length + 1));
      expect(fuzz.log.leaks(), replayHint(seed)).toEqual([]);
      expect(prototypeChanges(before)).toEqual([]);
      // The calls reached every check of the router and some handlers' own answers.
      for (const code of ['ok', 'invalid-payload', 'unknown-channel', 'untrusted-sender']) expect(report.codes[code], code).toBeGreaterThan(0);
      console.info(reportLine('IPC router fuzz', report, fuzz.log));
    } finally {
      await fuzz.dispose();
    }
  }, 120_000);
});
