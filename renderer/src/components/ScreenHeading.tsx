import { useEffect, useRef, type ReactNode } from 'react';

/** The screen's one h1; takes focus when the screen appears so keyboard and reader users start at the top. */
export function ScreenHeading({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
