import { defineCitizenStore } from './storeRegistry';

interface PrivacyState {
  /** The privacy screen is open (opened from the help bar, on any screen). */
  readonly open: boolean;
  show: () => void;
  hide: () => void;
}

/** Whether the citizen has the privacy screen open: part of their visit, so it closes at every reset. */
export const usePrivacyStore = defineCitizenStore<PrivacyState>('privacy', (set) => ({
  open: false,
  show: () => {
    set({ open: true });
  },
  hide: () => {
    set({ open: false });
  },
}));
