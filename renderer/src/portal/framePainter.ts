import type { PortalFrame } from '#shared/contract/portalContract';

/** A decoded frame, as createImageBitmap gives it. */
export interface FrameBitmap {
  close(): void;
}

/** Where frames are drawn: a canvas (tests: a fake). */
export interface FrameTarget<B extends FrameBitmap> {
  draw(bitmap: B, width: number, height: number): void;
}

export interface FramePainter {
  /** Decodes the frame and draws it, unless a newer frame came meanwhile. */
  show(frame: PortalFrame): void;
  /** Draws nothing more (the view is gone); decodes still running are dropped. */
  stop(): void;
}

/** The browser's own base64 decoder where it has one (Chromium 140 and later). */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64 !== undefined) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Draws the portal page's frames (JPEG, base64 as the host sends them), one decode at a time:
 * frames that arrive while one is decoding wait, and only the newest of them is decoded next. A
 * page that scrolls or animates sends frames faster than a slow kiosk PC decodes them; decoding
 * each would take the main thread from the citizen's taps for pictures nobody sees. Every decoded
 * bitmap is closed once drawn. Decoding straight into a bitmap loads nothing: an image element
 * given a new data: or blob: URL per frame makes Chromium keep every one of those pictures for as
 * long as the kiosk page lives, a frame's size each (README.md, "Endurance").
 */
export function createFramePainter<B extends FrameBitmap>(
  target: FrameTarget<B>,
  decode: (jpeg: Blob) => Promise<B>,
  onDrawn: () => void = () => undefined,
): FramePainter {
  let stopped = false;
  let decoding = false;
  let waiting: PortalFrame | null = null;
  const next = (): void => {
    const frame = waiting;
    waiting = null;
    decoding = frame !== null && !stopped;
    if (frame === null || stopped) return;
    decode(new Blob([base64Bytes(frame.data)], { type: 'image/jpeg' }))
      .then(
        (bitmap) => {
          try {
            if (stopped) return;
            target.draw(bitmap, frame.width, frame.height);
            onDrawn();
          } finally {
            bitmap.close();
          }
        },
        // A frame that does not decode is skipped; the next one follows within moments.
        () => undefined,
      )
      .finally(next);
  };
  return {
    show(frame) {
      waiting = frame;
      if (!decoding) next();
    },
    stop() {
      stopped = true;
      waiting = null;
    },
  };
}

/** A canvas as the frames' target: sized to the frame (in CSS pixels, like the page's viewport), the bitmap scaled to fill it. */
export function canvasTarget(canvas: HTMLCanvasElement): FrameTarget<ImageBitmap> {
  return {
    draw(bitmap, width, height) {
      // Setting a canvas's size clears it: only when the page's size changed.
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    },
  };
}
