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

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Draws the portal page's frames (JPEG, base64 as the host sends them), newest first: a frame
 * whose decoding ends after a newer one was asked for is dropped, and every decoded bitmap is
 * closed once drawn or dropped. Decoding straight into a bitmap loads nothing: an image element
 * given a new data: or blob: URL per frame makes Chromium keep every one of those pictures for as
 * long as the kiosk page lives, a frame's size each (README.md, "Endurance").
 */
export function createFramePainter<B extends FrameBitmap>(
  target: FrameTarget<B>,
  decode: (jpeg: Blob) => Promise<B>,
  onDrawn: () => void = () => undefined,
): FramePainter {
  let latest = 0;
  let stopped = false;
  return {
    show(frame) {
      latest += 1;
      const ticket = latest;
      decode(new Blob([base64Bytes(frame.data)], { type: 'image/jpeg' })).then(
        (bitmap) => {
          try {
            if (stopped || ticket !== latest) return;
            target.draw(bitmap, frame.width, frame.height);
            onDrawn();
          } finally {
            bitmap.close();
          }
        },
        // A frame that does not decode is skipped; the next one follows within moments.
        () => undefined,
      );
    },
    stop() {
      stopped = true;
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
