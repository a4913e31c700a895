import { afterEach, describe, expect, it } from 'vitest';
import { benchReceiptEncoding, benchTapToFirstByte } from '#tests/bench/printerBench';
import { VirtualEscPosPrinter } from '#tests/support/virtualEscposPrinter';

afterEach(async () => {
  await VirtualEscPosPrinter.stopAll();
});

describe('printer bench', () => {
  it('times receipt encoding', async () => {
    const times = await benchReceiptEncoding(20);
    expect(times).toHaveLength(20);
    for (const ms of times) expect(ms).toBeGreaterThan(0);
    // Far above the 2 ms budget: this only catches a broken measurement, the bench reports the figure.
    expect(Math.min(...times)).toBeLessThan(100);
  });

  it('times print() to the first byte at the virtual printer on a pty', async () => {
    const times = await benchTapToFirstByte(5);
    expect(times).toHaveLength(5);
    for (const ms of times) expect(ms).toBeGreaterThan(0);
    expect(Math.min(...times)).toBeLessThan(1000);
  });
});
