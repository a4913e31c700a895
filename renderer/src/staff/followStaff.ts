import type { KioskApi } from '#shared/contract/kioskApi';
import { useStaffStore } from './staffStore';

/** Loads assist mode and out of order once, then follows the core's changes; returns the unsubscribe function. */
export function followStaff(api: KioskApi): () => void {
  const unsubscribeAssist = api.on('staff.changed', (assist) => {
    useStaffStore.getState().setAssist(assist);
  });
  const unsubscribeTerminal = api.on('terminal.changed', (terminal) => {
    useStaffStore.getState().setTerminal(terminal);
  });
  void api.invoke('staff.status', {}).then((result) => {
    if (!result.ok) return;
    useStaffStore.getState().setAssist(result.value.assist);
    useStaffStore.getState().setTerminal(result.value.terminal);
  });
  return () => {
    unsubscribeAssist();
    unsubscribeTerminal();
  };
}
