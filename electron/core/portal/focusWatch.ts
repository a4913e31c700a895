import { portalFocusKinds, type PortalFocusKind } from '#shared/contract/portalContract';

/**
 * Which on-screen keyboard a portal page needs, found without giving the page any API. Hosts run `focusWatchScript` in an isolated world named
 * `focusWatchWorld` of every document (CDP `Page.addScriptToEvaluateOnNewDocument` with
 * `worldName`) and expose the binding `focusWatchBinding` to that world only (CDP
 * `Runtime.addBinding` with `executionContextName`): the page's own scripts live in the main
 * world and never see it. The script reports a field kind as the binding's string payload;
 * hosts turn `Runtime.bindingCalled` into a kind with `parseFocusPayload`.
 *
 * Host-agnostic on purpose: the Electron host (webContents.debugger) and the Chromium host
 * (a CDP session of playwright-core) use the same script and parser.
 */

/** Name of the isolated world the watcher runs in (also the binding's execution context name). */
export const focusWatchWorld = 'kiosk-portal-focus';

/** Name of the CDP binding the watcher calls; only the isolated world above has it. */
export const focusWatchBinding = '__kioskPortalFocus';

/**
 * The watcher (and the one thing it does to the page: scrolling the focused field into view when
 * the page gets shorter). Capture listeners on `window`, registered before any page script runs, so a page
 * cannot stop them. `focusout` is judged one task later, when the next field already has focus;
 * a document without focus stays silent (focus moved into another frame, whose own watcher
 * reports), and a focused `<iframe>` element is left to the watcher inside it. The binding is
 * looked up at call time: it may be installed just after the script first runs.
 */
export const focusWatchScript = `(() => {
  const bindingName = ${JSON.stringify(focusWatchBinding)};
  const numericModes = ['numeric', 'decimal', 'tel'];
  const textTypes = ['', 'text', 'search', 'url'];
  const kindOf = (element) => {
    // Nothing of the page has focus (Tab went past its last control): the kiosk takes the focus back.
    if (element === null || element === undefined || element === document.body || element === document.documentElement) return 'nothing';
    if (!(element instanceof HTMLElement)) return 'none';
    const mode = (element.getAttribute('inputmode') || '').toLowerCase();
    if (mode === 'none') return 'none';
    if (element instanceof HTMLInputElement) {
      if (element.disabled || element.readOnly) return 'none';
      const type = (element.getAttribute('type') || '').toLowerCase();
      if (type === 'email') return 'email';
      if (type === 'password') return 'password';
      if (type === 'number' || type === 'tel') return 'number';
      if (!textTypes.includes(type)) return 'none';
      if (numericModes.includes(mode)) return 'number';
      return mode === 'email' ? 'email' : 'text';
    }
    if (element instanceof HTMLTextAreaElement) {
      if (element.disabled || element.readOnly) return 'none';
      return numericModes.includes(mode) ? 'number' : 'text';
    }
    if (element.isContentEditable) return numericModes.includes(mode) ? 'number' : 'text';
    return 'none';
  };
  const focused = () => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    return element;
  };
  const report = () => {
    const element = focused();
    // Tab past the page's last control takes the focus out of the page (hasFocus() is then false):
    // the top document says so, for the kiosk to take the focus back. A frame without focus stays silent.
    const outOfPage = window === window.top && kindOf(element) === 'nothing';
    if (!document.hasFocus() && !outOfPage) return;
    if (element instanceof HTMLIFrameElement || element instanceof HTMLFrameElement) return;
    const binding = globalThis[bindingName];
    if (typeof binding === 'function') binding(kindOf(element));
  };
  window.addEventListener('focusin', report, true);
  window.addEventListener(
    'focusout',
    (event) => {
      // Focus leaving the top document for nothing (Tab past its last control) is told at once: a
      // report one task later could already see the next Tab's target and the exit would be lost.
      if (event && event.relatedTarget === null && window === window.top) {
        const binding = globalThis[bindingName];
        if (typeof binding === 'function') binding('nothing');
        return;
      }
      setTimeout(report, 0);
    },
    true,
  );
  // The on-screen keyboard takes the lower part of the screen, so the host makes the page shorter:
  // the field being typed in is then scrolled back into view, never left under the keyboard.
  window.addEventListener('resize', () => {
    const element = focused();
    const kind = kindOf(element);
    if (kind !== 'none' && kind !== 'nothing') element.scrollIntoView({ block: 'center', inline: 'nearest' });
  });
})();`;

/** The focus kind a watcher reported; anything but an exact known kind is 'none'. */
export function parseFocusPayload(payload: unknown): PortalFocusKind {
  if (typeof payload !== 'string') return 'none';
  return portalFocusKinds.find((kind) => kind === payload) ?? 'none';
}
