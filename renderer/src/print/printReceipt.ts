import type { Receipt } from '../../../shared/devices/receipt';
import { kioskApi } from '../kiosk/kioskApi';
import { usePrintStore } from '../state/printStore';

/** Prints a receipt and keeps the print feedback up to date. */
export async function printReceipt(receipt: Receipt): Promise<void> {
  const { setStatus } = usePrintStore.getState();
  const api = kioskApi();
  if (api === null) {
    setStatus({ phase: 'failed', reason: 'no-printer' });
    return;
  }
  setStatus({ phase: 'printing' });
  const result = await api.invoke('printer.print', { receipt });
  if (!result.ok) setStatus({ phase: 'failed', reason: 'no-printer' });
  else if (result.value.status === 'printed') setStatus({ phase: 'printed' });
  else setStatus({ phase: 'failed', reason: result.value.reason });
}
