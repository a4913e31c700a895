import { useEffect, useState } from 'react';

/** The time now, renewed every `intervalMs` while `active` (a lock that runs out, a countdown). */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [intervalMs, active]);
  return now;
}

/** A clock time as staff read it: hours, minutes and seconds in 24-hour form. */
export function clockTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}
