import i18next from 'i18next';
import { useAccessibilityStore } from '../state/accessibilityStore';
import { useSpeechStore } from '../state/speechStore';
import { spokenTextFor } from './spokenText';

const volumeLevels = { low: 0.4, medium: 0.7, high: 1 } as const;

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** Says `text` in `lang` (default: the UI's language) when read-aloud is on; whatever was being said stops first. */
export function speak(text: string, lang: string = i18next.language): void {
  const { readAloud, volume } = useAccessibilityStore.getState();
  const speech = synth();
  if (readAloud !== 'on' || speech === null || text.trim() === '') return;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.volume = volumeLevels[volume];
  speech.speak(utterance);
  useSpeechStore.getState().remember(text, lang);
}

/** Stops speaking (new input from the citizen, or the end of the session). */
export function stopSpeaking(): void {
  synth()?.cancel();
}

/** Reads the current screen again: its open dialog's heading, else the screen's heading. */
export function readScreenAgain(): void {
  const heading = document.querySelector('dialog[open] h2') ?? document.querySelector('h1');
  const text = heading?.textContent ?? useSpeechStore.getState().last?.text ?? '';
  speak(text);
}

function onFocus(event: FocusEvent): void {
  const element = event.target;
  if (!(element instanceof HTMLElement) || element.tagName === 'H1' || element.tagName === 'H2') return;
  const label = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : element.closest('label')?.textContent;
  const text = spokenTextFor({
    tagName: element.tagName,
    type: element.getAttribute('type') ?? undefined,
    ariaLabel: element.getAttribute('aria-label'),
    labelText: label,
    textContent: element.textContent,
    masked: element.hasAttribute('data-masked'),
  });
  // A language button says its name in its own language.
  speak(text, element.closest('[lang]')?.getAttribute('lang') ?? i18next.language);
}

function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName));
  if (!typing && (event.key === 'r' || event.key === 'R') && !event.ctrlKey && !event.altKey && !event.metaKey) {
    event.preventDefault();
    readScreenAgain();
    return;
  }
  stopSpeaking();
}

/** Speaks the focused control, stops on new input, and lets "R" read the screen again. */
export function installSpeech(win: Window): () => void {
  win.addEventListener('focusin', onFocus);
  win.addEventListener('keydown', onKey, { capture: true });
  win.addEventListener('pointerdown', stopSpeaking, { capture: true });
  return () => {
    win.removeEventListener('focusin', onFocus);
    win.removeEventListener('keydown', onKey, { capture: true });
    win.removeEventListener('pointerdown', stopSpeaking, { capture: true });
  };
}
