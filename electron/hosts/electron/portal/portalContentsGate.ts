/**
 * Tells the app-wide `web-contents-created` handler which web contents are portal views, so they
 * get the portal guards instead of the kiosk lock (which allows only the kiosk's own origin).
 *
 * Electron emits `web-contents-created` synchronously inside `new WebContentsView(...)`, before
 * the adapter holds the contents. So the adapter announces the fresh portal session around the
 * constructor call, and the handler claims exactly one contents of exactly that session during
 * exactly that call. Everything else — any other contents, a second one, one created later in a
 * portal session — is not claimed and gets the kiosk lock. If Electron ever emitted the event
 * later, nothing would be claimed: the view would be locked (safe), and `open()` refuses it.
 */
export class PortalContentsGate {
  #expected: object | null = null;
  readonly #portal = new WeakSet<object>();

  /** Runs `create` (which constructs the view) with `session` announced as the portal session. */
  create<T>(session: object, create: () => T): T {
    this.#expected = session;
    try {
      return create();
    } finally {
      this.#expected = null;
    }
  }

  /** From `web-contents-created`: true when `contents` is the portal view being created right now. */
  claim(contents: { readonly session: object }): boolean {
    if (this.#expected === null) return false;
    let session: object;
    try {
      session = contents.session;
    } catch {
      return false;
    }
    if (session !== this.#expected) return false;
    // One view per creation: nothing else may slip through on the same announcement.
    this.#expected = null;
    this.#portal.add(contents);
    return true;
  }

  /** True when `contents` was claimed as a portal view. */
  isPortal(contents: object): boolean {
    return this.#portal.has(contents);
  }
}
