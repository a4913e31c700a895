/** What the speech output needs to know about a focused element. */
export interface SpeakableElement {
  readonly tagName: string;
  readonly type?: string | undefined;
  readonly ariaLabel?: string | null | undefined;
  /** The text of the element's <label>, for form fields. */
  readonly labelText?: string | null | undefined;
  readonly textContent?: string | null | undefined;
  /** Marked `data-masked` (PINs and the like). */
  readonly masked?: boolean | undefined;
}

/**
 * The words to say for a focused element: its name, never the content of a form field, so a PIN
 * or anything typed is not spoken aloud (a label is enough to know where one is).
 */
export function spokenTextFor(element: SpeakableElement): string {
  const tag = element.tagName.toLowerCase();
  const isField = tag === 'input' || tag === 'textarea' || tag === 'select';
  const name = element.ariaLabel ?? (isField ? element.labelText : element.textContent) ?? '';
  return name.replace(/\s+/g, ' ').trim();
}
