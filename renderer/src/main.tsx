import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { kioskApi } from './kiosk/kioskApi';
import { applySessionSnapshot, followSession } from './session/sessionSync';
import { useTerminalStore } from './state/terminalStore';
import { followDevices } from './devices/followDevices';
import { followPortal } from './portal/followPortal';
import { isBlockedShortcut } from '#shared/kiosk/blockedShortcuts';
import { installKeyCommands } from './keyboard/installKeyCommands';
import { defaultKeyMap } from '#shared/config/keypadConfig';
import { installSpeech } from './speech/speech';
import { followHelp } from './help/followHelp';
import { followStaff } from './staff/followStaff';
import { installStaffGesture } from './staff/installStaffGesture';
import { useStaffStore } from './staff/staffStore';
import './styles/kiosk.css';
import './styles/portal.css';

/**
 * A kiosk has no context menu, nothing to drag or drop (a dropped file or link would replace the
 * kiosk page), no middle-click (into a new tab, or pasting the selection buffer), no zoom, and no browser shortcuts (on the Chromium
 * host the page is the only place to stop the ones a page may cancel; Electron also blocks them
 * earlier).
 */
function blockBrowserGestures(): void {
  // Cancelling dragover makes the page the drop target, so the drop reaches it and is cancelled too.
  for (const type of ['contextmenu', 'dragstart', 'dragover', 'drop', 'auxclick'] as const) {
    window.addEventListener(type, (event) => {
      event.preventDefault();
    });
  }
  // A middle-click pastes the selection buffer (Linux), which may still hold what an earlier
  // citizen selected; it would also start autoscroll.
  for (const type of ['mousedown', 'mouseup'] as const) {
    window.addEventListener(
      type,
      (event) => {
        if (event.button === 1) event.preventDefault();
      },
      { capture: true },
    );
  }
  window.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey) event.preventDefault();
    },
    { passive: false },
  );
  window.addEventListener(
    'keydown',
    (event) => {
      const input = { type: 'keyDown', key: event.key, control: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey };
      if (isBlockedShortcut(input, false)) event.preventDefault();
    },
    { capture: true },
  );
}

async function boot(): Promise<void> {
  blockBrowserGestures();
  installKeyCommands(window, () => useTerminalStore.getState().bootstrap?.keys ?? defaultKeyMap);
  installSpeech(window);
  installStaffGesture(
    window,
    () => useTerminalStore.getState().bootstrap?.staff.gesture ?? null,
    () => {
      useStaffStore.getState().openPad();
    },
  );
  await initI18n();
  const root = document.getElementById('root');
  if (root === null) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const api = kioskApi();
  if (api === null) {
    useTerminalStore.getState().setStartFailed();
    return;
  }
  followSession(api);
  followDevices(api);
  followPortal(api);
  followHelp(api);
  followStaff(api);
  const bootstrap = await api.invoke('app.bootstrap', {});
  if (!bootstrap.ok) {
    useTerminalStore.getState().setStartFailed();
    return;
  }
  const { snapshot, ...terminal } = bootstrap.value;
  useTerminalStore.getState().setBootstrap(terminal);
  await applySessionSnapshot(api, snapshot);
}

void boot();
