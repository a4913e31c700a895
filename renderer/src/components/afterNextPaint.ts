/** Longest wait (ms) for the next frame: a page that draws no frames (hidden) still gets the work done. */
const latestMs = 100;

/**
 * Runs `work` once the browser has drawn the next frame, so what a tap shows at once (the pressed
 * button) is on screen before slower work that redraws much of the page. It runs once, at the
 * latest after `latestMs`.
 */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    work();
  };
  // A task queued from the frame's callback runs after that frame has been drawn.
  requestAnimationFrame(() => {
    setTimeout(run, 0);
  });
  setTimeout(run, latestMs);
}
