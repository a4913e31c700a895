import { defineCitizenStore } from './storeRegistry';

interface KeyHelpState {
  /** The key help is open (opened by the help key). */
  readonly open: boolean;
  show: () => void;
  hide: () => void;
}

export const useKeyHelpStore = defineCitizenStore<KeyHelpState>('keyHelp', (set) => ({
  open: false,
  show: () => {
    set({ open: true });
  },
  hide: () => {
    set({ open: false });
  },
}));
