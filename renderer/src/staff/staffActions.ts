import type { StaffAction, StaffActionResult } from '#shared/contract/staffContract';
import { kioskApi } from '../kiosk/kioskApi';
import { useStaffStore } from './staffStore';

type StaffFailureReason = Extract<StaffActionResult, { status: 'failed' }>['reason'];

/** Reasons the staff screens name in words (`assist.reasons.<reason>`); any other error shows its code. */
const namedReasons: Record<StaffFailureReason | 'invalid-state' | 'unavailable', true> = {
  'nothing-to-do': true,
  'no-content': true,
  'content-invalid': true,
  'no-light': true,
  'not-confirmed': true,
  'not-written': true,
  'invalid-state': true,
  unavailable: true,
};
export type NamedReason = keyof typeof namedReasons;
export const staffReasons = Object.keys(namedReasons) as NamedReason[];

export function isNamedReason(reason: string): reason is NamedReason {
  return Object.hasOwn(namedReasons, reason);
}

/**
 * Runs a staff action and shows what became of it in assist mode. Staff calls go to the host
 * directly, not through the citizens' `invoke`: a refusal is the staff's to read (in German or
 * English), not a notice for citizens.
 */
export async function runStaffAction(action: StaffAction, confirmed?: boolean): Promise<void> {
  const { showOutcome } = useStaffStore.getState();
  showOutcome({ action, status: 'running' });
  const api = kioskApi();
  if (api === null) {
    showOutcome({ action, status: 'failed', reason: 'internal' });
    return;
  }
  const result = await api.invoke('staff.action', confirmed === undefined ? { action } : { action, confirmed });
  if (!result.ok) showOutcome({ action, status: 'failed', reason: result.error.code });
  else if (result.value.status === 'done') showOutcome({ action, status: 'done' });
  else showOutcome({ action, status: 'failed', reason: result.value.reason });
}

/** Calls `report` at most once per `intervalMs` (a staff touch restarts assist mode's automatic lock). */
export function createThrottle(report: () => void, now: () => number, intervalMs: number): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    report();
  };
}
