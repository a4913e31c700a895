import { describe, expect, it } from 'vitest';
import { base64Bytes, createFramePainter } from '#renderer/portal/framePainter';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]);

interface FakeBitmap {
  readonly id: number;
  closed: boolean;
  close(): void;
}

/** Lets promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
  /** Ends the `index`-th decoding the painter started (after letting it start). */
  const decoded = async (index: number): Promise<void> => {
    await settle();
    const bitmap: FakeBitmap = {
      id: index,
      closed: false,
      close() {
        this.closed = true;
      },
    };
    bitmaps.push(bitmap);
    pending[index]?.resolve(bitmap);
    await settle();
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

  it('decodes one frame at a time: of the frames shown meanwhile only the newest is decoded next; every bitmap is closed', async () => {
    const { painter, pending, bitmaps, drawn, decoded } = harness();
    painter.show(frame(1000));
    painter.show(frame(1001));
    painter.show(frame(1002));
    expect(pending).toHaveLength(1);
    await decoded(0);
    expect(pending).toHaveLength(2);
    await decoded(1);
    expect(drawn.map((entry) => entry.width)).toEqual([1000, 1002]);
    expect(pending).toHaveLength(2);
    expect(bitmaps.every((bitmap) => bitmap.closed)).toBe(true);
    // Idle again: the next frame is decoded at once.
    painter.show(frame(1003));
    expect(pending).toHaveLength(3);
  });

  it('draws nothing once stopped, still closes what was decoding, and decodes nothing more', async () => {
    const { painter, pending, bitmaps, drawn, decoded } = harness();
    painter.show(frame());
    painter.show(frame());
    painter.stop();
    await decoded(0);
    expect(drawn).toEqual([]);
    expect(bitmaps[0]?.closed).toBe(true);
    expect(pending).toHaveLength(1);
  });

  it('skips a frame that does not decode and goes on with the next', async () => {
    const { painter, pending, drawn, decoded } = harness();
    painter.show(frame(1000));
    painter.show(frame(1001));
    pending[0]?.reject(new Error('broken JPEG'));
    await decoded(1);
    expect(drawn.map((entry) => entry.width)).toEqual([1001]);
  });
});
