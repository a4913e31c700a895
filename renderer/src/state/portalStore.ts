import type { PortalFrame, PortalTileView, PortalView } from '#shared/contract/portalContract';
import { defineCitizenStore } from './storeRegistry';

interface PortalState {
  /** The portal view as the host reports it; null until the first report of a session. */
  readonly view: PortalView | null;
  /** The latest picture of the portal page (Chromium host): what the citizen sees and types. */
  readonly frame: PortalFrame | null;
  /** The tile the citizen opened (its name heads the portal screen). */
  readonly tile: PortalTileView | null;
  /** The citizen closed the on-screen keyboard for the field that has focus now. */
  readonly keyboardHidden: boolean;
  setView: (view: PortalView) => void;
  setTile: (tile: PortalTileView) => void;
  setFrame: (frame: PortalFrame) => void;
  hideKeyboard: () => void;
}

/** The workstation's portal view and its last frame: the citizen's, wiped at every reset. */
export const usePortalStore = defineCitizenStore<PortalState>('portal', (set) => ({
  view: null,
  tile: null,
  frame: null,
  keyboardHidden: false,
  setView: (view) => {
    set((s) => ({
      view,
      // A closed view leaves no picture behind; a new field to type in brings the keyboard back.
      frame: view.status === 'closed' ? null : s.frame,
      keyboardHidden: view.focus === s.view?.focus ? s.keyboardHidden : false,
    }));
  },
  setTile: (tile) => {
    set({ tile });
  },
  setFrame: (frame) => {
    set({ frame });
  },
  hideKeyboard: () => {
    set({ keyboardHidden: true });
  },
}));
