import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '#electron/hosts/electron/windowOptions';

describe('kioskWindowOptions', () => {
  it.each([false, true])('locks the window down (devTools %s)', (devTools) => {
    const options = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, show: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
      disableBlinkFeatures: 'FileSystemAccessLocal',
      devTools,
    });
  });

  it('does not turn on anything that weakens isolation', () => {
    const prefs = kioskWindowOptions({ preloadPath: 'p', devTools: false }).webPreferences ?? {};
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    // In memory only: no persist: prefix.
    expect(prefs.partition).toBe('kiosk-ui');
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });
});
