import { describe, expect, it } from 'vitest';
import { xwdToPng } from '#tests/e2e/support/desktop';

/** A window dump as xwd writes it: a header of 25 big-endian fields, no colour map, then the pixels. */
function dump(options: { bitsPerPixel: 24 | 32; byteOrder: 0 | 1; masks: readonly [number, number, number]; pixels: readonly number[][] }): Buffer {
  const height = options.pixels.length;
  const width = options.pixels[0]?.length ?? 0;
  const bytes = options.bitsPerPixel / 8;
  // Lines padded to whole 32-bit words, as X pads them.
  const bytesPerLine = Math.ceil((width * bytes) / 4) * 4;
  const header = Buffer.alloc(100);
  const fields: Record<number, number> = {
    0: 100,
    2: 2,
    4: width,
    5: height,
    7: options.byteOrder,
    11: options.bitsPerPixel,
    12: bytesPerLine,
    14: options.masks[0],
    15: options.masks[1],
    16: options.masks[2],
    19: 0,
  };
  for (const [index, value] of Object.entries(fields)) header.writeUInt32BE(value, Number(index) * 4);
  const body = Buffer.alloc(bytesPerLine * height);
  options.pixels.forEach((line, y) => {
    line.forEach((pixel, x) => {
      const at = y * bytesPerLine + x * bytes;
      if (options.byteOrder === 0) body.writeUIntLE(pixel, at, bytes);
      else body.writeUIntBE(pixel, at, bytes);
    });
  });
  return Buffer.concat([header, body]);
}

const rgb = (png: { data: Buffer }, index: number): number[] => [...png.data.subarray(index * 4, index * 4 + 4)];

describe('xwdToPng (the escape suite reads the screen with xwd)', () => {
  it('reads 32-bit little-endian pixels with the usual masks into opaque RGBA', () => {
    const png = xwdToPng(dump({ bitsPerPixel: 32, byteOrder: 0, masks: [0xff0000, 0xff00, 0xff], pixels: [[0x112233, 0xffffff, 0x000000]] }));
    expect([png.width, png.height]).toEqual([3, 1]);
    expect(rgb(png, 0)).toEqual([0x11, 0x22, 0x33, 255]);
    expect(rgb(png, 1)).toEqual([255, 255, 255, 255]);
    expect(rgb(png, 2)).toEqual([0, 0, 0, 255]);
  });

  it('follows the masks and the byte order of the dump, and padded lines', () => {
    const png = xwdToPng(
      dump({
        bitsPerPixel: 24,
        byteOrder: 1,
        masks: [0xff, 0xff00, 0xff0000],
        pixels: [
          [0x332211, 0x000001],
          [0x0a0b0c, 0x100000],
        ],
      }),
    );
    expect(rgb(png, 0)).toEqual([0x11, 0x22, 0x33, 255]);
    expect(rgb(png, 1)).toEqual([1, 0, 0, 255]);
    expect(rgb(png, 2)).toEqual([0x0c, 0x0b, 0x0a, 255]);
    expect(rgb(png, 3)).toEqual([0, 0, 0x10, 255]);
  });

  it('refuses a dump it cannot read', () => {
    const wrong = dump({ bitsPerPixel: 32, byteOrder: 0, masks: [0xff0000, 0xff00, 0xff], pixels: [[0]] });
    wrong.writeUInt32BE(1, 2 * 4);
    expect(() => xwdToPng(wrong)).toThrow(/unsupported XWD/);
  });
});
