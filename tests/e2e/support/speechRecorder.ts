import type { Page } from '@playwright/test';

/**
 * There is no audio device here, so tests record what the kiosk asks the Web Speech API to say
 * (text, language, volume) and how often it stops speech — docs/architecture.md, "Runtime".
 */
export interface Said {
  readonly text: string;
  readonly lang: string;
  readonly volume: number;
}

export async function recordSpeech(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: { text: string; lang: string; volume: number }[] = [];
    (window as unknown as { __said: typeof said }).__said = said;
    let cancels = 0;
    // What was said counts as still being said until it is stopped (there is no audio to end it).
    let speaking = false;
    (window as unknown as { __cancels: () => number }).__cancels = () => cancels;
    Object.defineProperty(window.speechSynthesis, 'speaking', { configurable: true, get: () => speaking });
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      said.push({ text: u.text, lang: u.lang, volume: u.volume });
      speaking = true;
    };
    window.speechSynthesis.cancel = () => {
      cancels += 1;
      speaking = false;
    };
  });
}

/** Everything said since recordSpeech. */
export const said = (page: Page): Promise<Said[]> => page.evaluate(() => (window as unknown as { __said: Said[] }).__said);

/** How often speech was stopped since recordSpeech. */
export const cancels = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __cancels: () => number }).__cancels());
