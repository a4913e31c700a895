import { portalKeys, type PortalKey } from '#shared/contract/portalContract';

/** What a key press on the focused portal view does. */
export type PortalKeyAction =
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'key'; readonly key: PortalKey }
  /** Escape: focus leaves the portal for the kiosk's toolbar, so no keyboard user is ever trapped. */
  | { readonly kind: 'leave' }
  /** Not for the portal: the kiosk's own keys (F1 help, F2 read aloud, …) keep working. */
  | { readonly kind: 'kiosk' };

interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

const forwarded: ReadonlySet<string> = new Set(portalKeys);

/** Decides a physical key press while the portal view has focus. */
export function portalKeyAction(press: KeyPress): PortalKeyAction {
  if (press.key === 'Escape') return { kind: 'leave' };
  // Shortcuts (copy, paste, reload, …) are not the citizen's to use on a kiosk.
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'kiosk' };
  if (press.key === 'Tab') return { kind: 'key', key: press.shiftKey ? 'Shift+Tab' : 'Tab' };
  if (press.key === ' ') return { kind: 'key', key: 'Space' };
  if (forwarded.has(press.key)) return { kind: 'key', key: press.key as PortalKey };
  // One character (a letter, an umlaut, an Arabic letter…): typed as text into the focused field.
  if (Array.from(press.key).length === 1) return { kind: 'type', text: press.key };
  return { kind: 'kiosk' };
}
