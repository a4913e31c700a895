import { session, WebContentsView, type BaseWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import type { Logger } from '#core/logging/logger';
import type { PortalSurface } from '#core/portal/portalSurface';
import { createElectronPortalSurface } from './electronPortalSurface';
import type { PortalContentsGate } from './portalContentsGate';
import type { KioskContents } from './portalPorts';

/**
 * The portal surface bound to Electron's real objects: the only portal file that imports values
 * from `electron`, and deliberately without logic of its own.
 */
export function electronPortalSurface(input: {
  window: Pick<BaseWindow, 'contentView' | 'isDestroyed'>;
  kioskContents: () => KioskContents | null;
  gate: PortalContentsGate;
  logger: Logger;
}): PortalSurface {
  return createElectronPortalSurface({
    gate: input.gate,
    sessionFor: (partition) => session.fromPartition(partition),
    createView: (webPreferences) => {
      const view = new WebContentsView({ webPreferences });
      return {
        webContents: view.webContents,
        setBounds: (bounds) => {
          view.setBounds(bounds);
        },
        setVisible: (visible) => {
          view.setVisible(visible);
        },
        show: () => {
          if (!input.window.isDestroyed()) input.window.contentView.addChildView(view);
        },
        remove: () => {
          if (!input.window.isDestroyed()) input.window.contentView.removeChildView(view);
        },
      };
    },
    kioskContents: input.kioskContents,
    randomId: randomUUID,
    logger: input.logger,
  });
}
