import { memo, useEffect, useRef } from 'react';
import { speak } from '../speech/speech';

/**
 * The screen's one h1; takes focus when the screen appears so keyboard and reader users start at
 * the top, and is read aloud (when read-aloud is on) whenever it appears or its language changes.
 */
export const ScreenHeading = memo(function ScreenHeading({
  children,
  className,
  lang,
}: {
  readonly children: string;
  readonly className?: string;
  readonly lang?: string | undefined;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The heading is at the top of a screen that has just appeared: nothing to scroll, and asking
    // for no scrolling spares the browser laying out the whole new screen at once for it.
    ref.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    speak(children, lang);
  }, [children, lang]);
  return (
    <h1 ref={ref} tabIndex={-1} className={className} lang={lang}>
      {children}
    </h1>
  );
});
