import { usePortalStore } from '../../state/portalStore';
import { PortalScreen } from './PortalScreen';
import { PortalStartScreen } from './PortalStartScreen';

/** The self-service workstation: the start page with the tiles, or the open online service. */
export function WorkstationTerminal() {
  const open = usePortalStore((s) => s.view?.status === 'open');
  return open ? <PortalScreen /> : <PortalStartScreen />;
}
