import type { PrintResult, Receipt } from '#shared/devices/receipt';
import { invoke } from '../kiosk/invoke';
import { usePrintStore } from '../state/printStore';

/** Runs a print through the host and keeps the print feedback up to date. */
export async function trackPrint(print: () => Promise<PrintResult | null>): Promise<void> {
  const { setStatus } = usePrintStore.getState();
  setStatus({ phase: 'printing' });
  const result = await print();
  if (result === null) setStatus({ phase: 'failed', reason: 'no-printer' });
  else if (result.status === 'printed') setStatus({ phase: 'printed' });
  else setStatus({ phase: 'failed', reason: result.reason });
}

/** Prints a receipt and keeps the print feedback up to date. */
export function printReceipt(receipt: Receipt): Promise<void> {
  return trackPrint(() => invoke('printer.print', { receipt }));
}
