import type { KioskErrorCode } from '#shared/result';
import { defineCitizenStore } from './storeRegistry';

interface NoticeState {
  /** The last failed action's error code, shown briefly and translated (`errors.<code>`). */
  readonly error: KioskErrorCode | null;
  show: (error: KioskErrorCode) => void;
  clear: () => void;
}

export const useNoticeStore = defineCitizenStore<NoticeState>('notice', (set) => ({
  error: null,
  show: (error) => {
    set({ error });
  },
  clear: () => {
    set({ error: null });
  },
}));
