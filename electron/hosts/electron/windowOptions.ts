import type { BrowserWindowConstructorOptions } from 'electron';

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
      // The help chime must sound when a call escalates, even if no one has touched the page since it was (re)loaded.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
