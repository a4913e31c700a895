import { describe, expect, it } from 'vitest';
import { base64Bytes, createFramePainter } from '#renderer/portal/framePainter';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]);

interface FakeBitmap {
  readonly id: number;
  closed: boolean;
  close(): void;
}

/** A decoder whose results the test hands out in any order, and a target that records what it drew. */
function harness() {
  const pending: { blob: Blob; resolve: (bitmap: FakeBitmap) => void; reject: (error: Error) => void }[] = [];
  const bitmaps: FakeBitmap[] = [];
  const drawn: { id: number; width: number; height: number }[] = [];
  let drawnCalls = 0;
  const painter = createFramePainter<FakeBitmap>(
    {
      draw: (bitmap, width, height) => {
        drawn.push({ id: bitmap.id, width, height });
      },
    },
    (blob) =>
      new Promise((resolve, reject) => {
        pending.push({ blob, resolve, reject });
      }),
    () => {
      drawnCalls += 1;
    },
  );
  /** Ends the decoding of the `index`-th frame shown. */
  const decoded = async (index: number): Promise<void> => {
    const bitmap: FakeBitmap = {
      id: index,
      closed: false,
      close() {
        this.closed = true;
      },
    };
    bitmaps.push(bitmap);
    pending[index]?.resolve(bitmap);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { painter, pending, bitmaps, drawn, decoded, drawnCalls: () => drawnCalls };
}

const frame = (width = 1280, height = 800) => ({ data: jpeg.toString('base64'), width, height });

describe('the portal frame painter', () => {
  it('decodes base64 to the bytes it stands for', () => {
    expect([...base64Bytes(jpeg.toString('base64'))]).toEqual([...jpeg]);
  });

  it('decodes each frame from its JPEG bytes and draws it at the frame size', async () => {
    const { painter, pending, drawn, decoded, drawnCalls } = harness();
    painter.show(frame(1024, 700));
    const blob = pending[0]?.blob;
    expect(blob?.type).toBe('image/jpeg');
    expect(Buffer.from((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(jpeg);
    await decoded(0);
    expect(drawn).toEqual([{ id: 0, width: 1024, height: 700 }]);
    expect(drawnCalls()).toBe(1);
  });

  it('drops a frame whose decoding ends after a newer one was shown, and closes every bitmap', async () => {
    const { painter, bitmaps, drawn, decoded } = harness();
    painter.show(frame());
    painter.show(frame());
    await decoded(1);
    await decoded(0);
    expect(drawn.map((entry) => entry.id)).toEqual([1]);
    expect(bitmaps.every((bitmap) => bitmap.closed)).toBe(true);
  });

  it('draws nothing once stopped, and still closes what was decoding', async () => {
    const { painter, bitmaps, drawn, decoded } = harness();
    painter.show(frame());
    painter.stop();
    await decoded(0);
    expect(drawn).toEqual([]);
    expect(bitmaps[0]?.closed).toBe(true);
  });

  it('skips a frame that does not decode', async () => {
    const { painter, pending, drawn, decoded } = harness();
    painter.show(frame());
    pending[0]?.reject(new Error('broken JPEG'));
    painter.show(frame());
    await decoded(1);
    expect(drawn.map((entry) => entry.id)).toEqual([1]);
  });
});
