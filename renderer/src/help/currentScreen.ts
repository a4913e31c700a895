import { helpScreenIdSchema } from '#shared/help/helpEvent';

/** What a call says when no screen can be named (the page between two screens). */
const unknownScreen = 'kiosk';

/**
 * The screen the citizen is on, for the help call ("where did they get stuck"): the innermost
 * visible `data-screen` of the page outside dialogs and the help bar (portal-blocked inside portal
 * names the more precise one). Only a screen id goes out, never anything on the screen.
 */
export function currentScreenId(doc: Document): string {
  const candidates = [...doc.querySelectorAll<HTMLElement>('[data-screen]')].filter(
    (element) => element.tagName !== 'DIALOG' && element.closest('dialog, [data-help-bar]') === null && element.checkVisibility(),
  );
  const id = candidates.at(-1)?.dataset.screen ?? unknownScreen;
  return helpScreenIdSchema.safeParse(id).success ? id : unknownScreen;
}
