import type { BrowserWindowConstructorOptions } from 'electron';
import { disabledBlinkFeatures } from '#core/portal/pageGuardScript';

/**
 * The kiosk page's session: a partition without the `persist:` prefix lives in memory only, so
 * nothing the page stores (local storage, cache, cookies) is ever written to disk, and a killed
 * kiosk leaves nothing of it behind.
 */
export const kioskPartition = 'kiosk-ui';

/** The kiosk window: fullscreen kiosk, no menu, locked-down web preferences (docs/architecture.md, "Security"). */
export function kioskWindowOptions(input: { preloadPath: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#0b2545',
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      partition: kioskPartition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: input.devTools,
      navigateOnDragDrop: false,
      disableDialogs: true,
      // No native file dialogs from the File System Access pickers.
      disableBlinkFeatures: disabledBlinkFeatures.join(','),
      // The help chime must sound when a call escalates, even if no one has touched the page since it was (re)loaded.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
