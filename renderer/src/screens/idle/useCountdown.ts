import { useEffect, useState } from 'react';

/** Whole seconds left until `endsAt` (epoch ms), updated a few times a second. */
export function useCountdown(endsAt: number): number {
  const compute = () => Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(compute);
  useEffect(() => {
    const timer = window.setInterval(() => {
      setSeconds(Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)));
    }, 250);
    return () => {
      window.clearInterval(timer);
    };
  }, [endsAt]);
  return seconds;
}
