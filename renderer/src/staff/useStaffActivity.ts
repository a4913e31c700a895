import { useEffect } from 'react';
import { kioskApi } from '../kiosk/kioskApi';
import { createThrottle } from './staffActions';
import { useStaffStore } from './staffStore';

/** Often enough for the shortest automatic lock (15 s), rarely enough to be no load. */
const activityIntervalMs = 5000;

/**
 * While assist mode is shown, every touch and key is a staff touch: the core's automatic lock
 * starts over (its answer also moves the "locks at" time on screen).
 */
export function useStaffActivity(): void {
  useEffect(() => {
    const api = kioskApi();
    if (api === null) return;
    const report = createThrottle(
      () => {
        void api.invoke('staff.activity', {}).then((result) => {
          if (result.ok) useStaffStore.getState().setAssist(result.value);
        });
      },
      () => Date.now(),
      activityIntervalMs,
    );
    window.addEventListener('pointerdown', report, { capture: true, passive: true });
    window.addEventListener('keydown', report, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', report, { capture: true });
      window.removeEventListener('keydown', report, { capture: true });
    };
  }, []);
}
