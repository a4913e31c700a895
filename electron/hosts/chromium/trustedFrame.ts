import { originOf } from '#core/ipc/originOf';

/** The parts of a Playwright page/frame the sender check needs (a narrow type, easy to fake). */
interface FrameLike {
  url(): string;
}
interface PageLike<F extends FrameLike> {
  mainFrame(): F;
}

/**
 * A bridge call is trusted only from the kiosk page's own top frame on the kiosk's own origin:
 * never from an iframe, another page or a navigated-away document.
 */
export function isTrustedKioskFrame<F extends FrameLike, P extends PageLike<F>>(input: {
  sourcePage: P | null;
  sourceFrame: F;
  kioskPage: P;
  kioskOrigin: string;
}): boolean {
  if (input.sourcePage !== input.kioskPage) return false;
  if (input.sourceFrame !== input.kioskPage.mainFrame()) return false;
  const origin = originOf(input.sourceFrame.url());
  return origin !== null && origin === originOf(input.kioskOrigin);
}
