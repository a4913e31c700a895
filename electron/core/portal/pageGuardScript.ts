/**
 * Browser features a portal page could open an operating-system window with, taken away inside
 * the page itself (docs/architecture.md, "Security"). Hosts run `pageGuardScript` in the main
 * world of every document of a portal page before the page's own scripts (CDP
 * `Page.addScriptToEvaluateOnNewDocument` without a world name):
 *
 * - `window.print()` would open the native print dialog, whose "print to file" browses the file
 *   system. It does nothing; the kiosk's own "print page" button prints through the kiosk.
 * - The File System Access pickers (`showOpenFilePicker`, `showSaveFilePicker`,
 *   `showDirectoryPicker`) would open native file dialogs. Both hosts start Chromium with the
 *   Blink feature switched off (`disabledBlinkFeatures`); should a later Chromium rename it, the
 *   pickers still only answer as if the citizen had cancelled.
 *
 * - A navigation to any scheme but http(s), about: and data: (and blob: in a frame) — `mailto:`,
 *   `tel:`, `file:`, `chrome:`, a custom protocol, a blob: document over the whole page — never
 *   reaches the network, so the request gates never see it; the browser would hand it to an
 *   operating-system program (or, headless, drop the page). The
 *   Navigation API's `navigate` event, which fires for links, forms and `location` alike, is
 *   cancelled for them before the page's own listeners run.
 *
 * The replacements are fixed (neither writable nor configurable), so the page cannot put the
 * originals back; a new frame gets the script again before its own scripts run.
 */

/** Blink features both hosts switch off for every page (command-line `--disable-blink-features`). */
export const disabledBlinkFeatures: readonly string[] = ['FileSystemAccessLocal'];

export const pageGuardScript = `(() => {
  const fix = (target, name, value) => {
    try {
      Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
    } catch {
      // Already fixed in this window.
    }
  };
  fix(window, 'print', function print() {});
  const cancelled = () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
  for (const name of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) {
    if (name in window) fix(window, name, function picker() { return cancelled(); });
  }
  if (typeof navigation === 'object' && navigation !== null) {
    navigation.addEventListener('navigate', (event) => {
      let scheme = '';
      try { scheme = new URL(event.destination.url).protocol; } catch { scheme = ''; }
      // blob: only in frames: the main frame shows the tile's own sites (the navigation policy's rule).
      const allowed = ['http:', 'https:', 'about:', 'data:'].includes(scheme) || (scheme === 'blob:' && window.top !== window);
      if (!allowed && event.cancelable) event.preventDefault();
    });
  }
  if (typeof DataTransferItem === 'function' && 'getAsFileSystemHandle' in DataTransferItem.prototype) {
    fix(DataTransferItem.prototype, 'getAsFileSystemHandle', function getAsFileSystemHandle() { return Promise.resolve(null); });
  }
})();`;
