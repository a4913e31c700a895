import type { WebPreferences } from 'electron';
import { disabledBlinkFeatures } from '#core/portal/pageGuardScript';

/**
 * Web preferences of a portal view (docs/architecture.md, "Security"): external content gets no preload and no kiosk
 * API, runs sandboxed and isolated, and lives in a partition of its own. The partition name has
 * no `persist:` prefix, so Electron keeps it in memory only: nothing of the citizen reaches disk.
 */

/** A fresh in-memory partition name for one portal page. */
export function newPortalPartition(randomId: () => string): string {
  return `portal-${randomId()}`;
}

/** The locked-down web preferences of a portal view in `partition`. */
export function portalWebPreferences(partition: string): WebPreferences {
  return {
    partition,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    // No native file dialogs from the File System Access pickers.
    disableBlinkFeatures: disabledBlinkFeatures.join(','),
    // The view is the only thing the citizen looks at; never throttle it behind the kiosk UI.
    backgroundThrottling: false,
  };
}
