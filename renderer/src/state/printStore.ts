import type { PrintFailureReason } from '#shared/devices/receipt';
import { defineCitizenStore } from './storeRegistry';

export type PrintStatus =
  | { readonly phase: 'idle' }
  | { readonly phase: 'printing' }
  | { readonly phase: 'printed' }
  | { readonly phase: 'failed'; readonly reason: PrintFailureReason };

interface PrintState {
  /** The last print of this session, for the print feedback. */
  readonly status: PrintStatus;
  setStatus: (status: PrintStatus) => void;
}

export const usePrintStore = defineCitizenStore<PrintState>('print', (set) => ({
  status: { phase: 'idle' },
  setStatus: (status) => {
    set({ status });
  },
}));
