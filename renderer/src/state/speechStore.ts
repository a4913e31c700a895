import { defineCitizenStore } from './storeRegistry';

interface SpeechState {
  /** The last thing said, for "read again"; it is screen text, and gone at the reset all the same. */
  readonly last: { readonly text: string; readonly lang: string } | null;
  remember: (text: string, lang: string) => void;
}

export const useSpeechStore = defineCitizenStore<SpeechState>('speech', (set) => ({
  last: null,
  remember: (text, lang) => {
    set({ last: { text, lang } });
  },
}));
