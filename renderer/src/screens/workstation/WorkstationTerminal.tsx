import { useDeferredValue, useMemo } from 'react';
import { usePortalStore } from '../../state/portalStore';
import { PortalScreen } from './PortalScreen';
import { PortalStartScreen } from './PortalStartScreen';

/** The self-service workstation: the start page with the tiles, or the open online service. */
export function WorkstationTerminal() {
  // The start page and the portal screen take each other's place as a transition: the tap that
  // opened or closed a service is answered on screen before the other screen is built.
  const open = useDeferredValue(usePortalStore((s) => s.view?.status === 'open'));
  return useMemo(() => (open ? <PortalScreen /> : <PortalStartScreen />), [open]);
}
