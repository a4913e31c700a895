import { describe, expect, it } from 'vitest';
import { MrzFramer } from '#core/devices/documentReader/mrzFraming';
import { parseMrz } from '#core/devices/documentReader/mrzParser';
import { germanIdTd2, td1Specimen, td3Specimen, validSamples } from '#tests/support/mrzSamples';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { randomBytes, randomString, seededRandom } from './random';

function framer(options: { quietMs?: number; maxChars?: number } = {}) {
  const clock = new FakeClock();
  const candidates: string[] = [];
  const instance = new MrzFramer(clock, (text) => candidates.push(text), options);
  return { clock, candidates, framer: instance };
}

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('MrzFramer', () => {
  it.each(validSamples.map((s) => [s.label, s.lines] as const))('%s with CR LF: handed on at once, without waiting', (_label, lines) => {
    const { candidates, framer: f } = framer();
    f.push(bytes(`${lines.join('\r\n')}\r\n`));
    expect(candidates).toEqual([lines.join('\n')]);
  });

  it('every split of the byte stream into two chunks gives the same single candidate', () => {
    for (const separator of ['\r\n', '\r', '\n']) {
      const stream = bytes(`\x02${td1Specimen.lines.join(separator)}${separator}\x03`);
      for (let cut = 0; cut <= stream.length; cut += 1) {
        const { clock, candidates, framer: f } = framer();
        f.push(stream.subarray(0, cut));
        f.push(stream.subarray(cut));
        clock.advance(1000);
        expect(candidates).toEqual([td1Specimen.lines.join('\n')]);
      }
    }
  });

  it('random chunk sizes of 1–7 bytes, several documents in a row', () => {
    const random = seededRandom(42);
    const stream = bytes(validSamples.map((s) => `${s.lines.join('\r\n')}\r\n`).join(''));
    const { clock, candidates, framer: f } = framer();
    for (let i = 0; i < stream.length;) {
      const size = 1 + Math.floor(random() * 7);
      f.push(stream.subarray(i, i + size));
      clock.advance(20);
      i += size;
    }
    expect(candidates).toEqual(validSamples.map((s) => s.lines.join('\n')));
  });

  it('a last line without a line break completes the zone when it reaches full width', () => {
    const { candidates, framer: f } = framer();
    f.push(td3Specimen.lines.join('\n'));
    expect(candidates).toEqual([td3Specimen.lines.join('\n')]);
    f.push('\r\n'); // the late line break is not a second document
    expect(candidates).toHaveLength(1);
  });

  it('drops a reader header line before the zone', () => {
    const { candidates, framer: f } = framer();
    f.push(`READER 01 OK\r\n${germanIdTd2.lines.join('\r\n')}\r\n`);
    expect(candidates).toEqual([germanIdTd2.lines.join('\n')]);
  });

  it('after a quiet gap hands on whatever came (the parser then says truncated)', () => {
    const { clock, candidates, framer: f } = framer();
    f.push(`${td3Specimen.lines[0] ?? ''}\r\n${(td3Specimen.lines[1] ?? '').slice(0, 20)}`);
    clock.advance(299);
    expect(candidates).toEqual([]);
    clock.advance(1);
    expect(candidates).toHaveLength(1);
    expect(parseMrz(candidates[0] ?? '')).toEqual({ ok: false, error: 'truncated' });
  });

  it('the quiet gap restarts with every chunk', () => {
    const { clock, candidates, framer: f } = framer({ quietMs: 300 });
    f.push('P<UTO');
    clock.advance(200);
    f.push('ERIK');
    clock.advance(200);
    expect(candidates).toEqual([]);
    clock.advance(100);
    expect(candidates).toEqual(['P<UTOERIK']);
  });

  it('ETX ends a frame at once; STX hands on a half frame before starting a new one', () => {
    const { candidates, framer: f } = framer();
    f.push('\x02P<UTOERIK\x03');
    expect(candidates).toEqual(['P<UTOERIK']);
    f.push(`I<UTO\x02${td1Specimen.lines.join('\r')}\r\x03`);
    expect(candidates).toEqual(['P<UTOERIK', 'I<UTO', td1Specimen.lines.join('\n')]);
  });

  it('line breaks, NUL padding and framing bytes alone hand on nothing', () => {
    const { clock, candidates, framer: f } = framer();
    f.push(new Uint8Array([0, 0, 13, 10, 2, 3, 13, 0]));
    clock.advance(1000);
    expect(candidates).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('reset() drops a half-received zone and its timer', () => {
    const { clock, candidates, framer: f } = framer();
    f.push(td3Specimen.lines[0] ?? '');
    f.reset();
    expect(clock.pending()).toBe(0);
    clock.advance(1000);
    expect(candidates).toEqual([]);
  });

  it('a consumer that throws does not stop the next document', () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const f = new MrzFramer(clock, (text) => {
      seen.push(text);
      throw new Error('consumer failed');
    });
    expect(() => f.push(`${td3Specimen.lines.join('\n')}\n`)).not.toThrow();
    f.push(`${td1Specimen.lines.join('\n')}\n`);
    expect(seen).toHaveLength(2);
  });

  it('caps the buffer: a garbage flood yields a bounded candidate, and a document after it still frames', () => {
    const random = seededRandom(3);
    const { clock, candidates, framer: f } = framer({ maxChars: 1024 });
    for (let i = 0; i < 200; i += 1) f.push(randomString(random, 'ABCDEFGHIJ0123456789<', 5000)); // 1 MB, no line break
    for (let i = 0; i < 2000; i += 1) f.push('SHORT<LINE<OF<NOISE\n');
    f.push(`${td3Specimen.lines.join('\n')}\n`);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toBe(td3Specimen.lines.join('\n'));

    for (let i = 0; i < 200; i += 1) f.push(randomString(random, 'ABCDEFGHIJ0123456789<', 5000));
    clock.advance(300);
    for (let i = 0; i < 5000; i += 1) f.push('SHORT<LINE<OF<NOISE\r\n');
    clock.advance(300);
    expect(candidates).toHaveLength(3);
    for (const garbage of candidates.slice(1)) {
      expect(garbage.length).toBeGreaterThan(900);
      expect(garbage.length).toBeLessThanOrEqual(2 * 1024);
      expect(parseMrz(garbage).ok).toBe(false);
    }
  });

  it('never throws on random bytes, and every candidate parses to a value', () => {
    const random = seededRandom(99);
    const { clock, candidates, framer: f } = framer();
    for (let i = 0; i < 400; i += 1) {
      expect(() => f.push(randomBytes(random, Math.floor(random() * 80)))).not.toThrow();
      clock.advance(Math.floor(random() * 400));
    }
    clock.advance(1000);
    expect(candidates.length).toBeGreaterThan(0);
    for (const text of candidates) expect(parseMrz(text).ok).toBe(false);
  });
});
