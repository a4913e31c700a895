import i18next from 'i18next';
import { topModalDialog } from '../components/useModalDialog';
import { useAccessibilityStore, volumes } from '../state/accessibilityStore';
import { useSpeechStore } from '../state/speechStore';
import { spokenTextFor } from './spokenText';

const volumeLevels = { low: 0.4, medium: 0.7, high: 1 } as const;

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/**
 * Whether a staff screen is on top (PIN pad, assist mode): nothing is said then, so neither the
 * digits pressed on the PIN pad nor anything else of the staff's work is heard by people nearby.
 */
function staffScreenOnTop(): boolean {
  return typeof document !== 'undefined' && topModalDialog(document)?.dataset.speech === 'off';
}

/** Says `text` in `lang` (default: the UI's language) when read-aloud is on; whatever was being said stops first. */
export function speak(text: string, lang: string = i18next.language): void {
  const { readAloud, volume } = useAccessibilityStore.getState();
  const speech = synth();
  if (readAloud !== 'on' || speech === null || text.trim() === '' || staffScreenOnTop()) return;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.volume = volumeLevels[volume];
  speech.speak(utterance);
  useSpeechStore.getState().remember(text, lang);
}

/** Stops speaking (new input from the citizen, or the end of the session). */
export function stopSpeaking(): void {
  const speech = synth();
  // Every tap and key comes here: with nothing said or queued there is nothing to ask the browser.
  if (speech !== null && (speech.speaking || speech.pending)) speech.cancel();
}

/**
 * What "read again" says: the open dialog's heading, else the screen's; a dialog or screen whose
 * whole text matters (the key help) puts that text in a `data-read-aloud` attribute.
 */
function screenText(): string | null {
  const dialog = topModalDialog(document);
  const marked = (dialog ?? document).querySelector('[data-read-aloud]');
  if (marked) return marked.getAttribute('data-read-aloud');
  return (dialog ? dialog.querySelector('h2') : document.querySelector('h1'))?.textContent ?? null;
}

/** Reads the current screen again (its open dialog first). */
export function readScreenAgain(): void {
  speak(screenText() ?? useSpeechStore.getState().last?.text ?? '');
}

/** Switches read-aloud on or off and says so (on: then reads the screen again). */
export function toggleReadAloud(): void {
  const { readAloud, change } = useAccessibilityStore.getState();
  if (readAloud === 'on') {
    speak(i18next.t('speech.off'));
    change({ readAloud: 'off' });
  } else {
    change({ readAloud: 'on' });
    speak(`${i18next.t('speech.on')} ${screenText() ?? ''}`);
  }
}

/** One step louder (+1) or quieter (-1), said at the new volume. */
export function stepVolume(step: 1 | -1): void {
  const { volume, change } = useAccessibilityStore.getState();
  const next = volumes[Math.min(volumes.length - 1, Math.max(0, volumes.indexOf(volume) + step))] ?? volume;
  change({ volume: next });
  speak(i18next.t('speech.volume', { level: i18next.t(`accessibility.volumes.${next}`) }));
}

function onFocus(event: FocusEvent): void {
  // Every tap on a button moves the focus: with read-aloud off there is nothing to work out.
  if (useAccessibilityStore.getState().readAloud !== 'on') return;
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

/** Speaks the focused control and stops on new input (the key commands may then speak again). */
export function installSpeech(win: Window): () => void {
  win.addEventListener('focusin', onFocus);
  win.addEventListener('keydown', stopSpeaking, { capture: true });
  win.addEventListener('pointerdown', stopSpeaking, { capture: true });
  return () => {
    win.removeEventListener('focusin', onFocus);
    win.removeEventListener('keydown', stopSpeaking, { capture: true });
    win.removeEventListener('pointerdown', stopSpeaking, { capture: true });
  };
}
