import type { KioskApi } from '#shared/contract/kioskApi';
import { usePortalStore } from '../state/portalStore';

/** Follows the host's portal view and frames (workstation); returns the unsubscribe function. */
export function followPortal(api: KioskApi): () => void {
  const unsubscribeView = api.on('portal.changed', (view) => {
    usePortalStore.getState().setView(view);
  });
  const unsubscribeFrame = api.on('portal.frame', (frame) => {
    // Frames of a view that is closed (a reset raced a last picture) are not shown.
    if (usePortalStore.getState().view?.status === 'open') usePortalStore.getState().setFrame(frame);
  });
  return () => {
    unsubscribeView();
    unsubscribeFrame();
  };
}
