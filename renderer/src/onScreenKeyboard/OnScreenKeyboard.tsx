import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';
import { hasLatinSwitch, hasShift, initialScript, keyboardRows, type KeyboardKind, type KeyboardScript } from './keyboardLayouts';
import type { OnScreenKeyPress } from './keyPress';

export type { OnScreenKeyPress } from './keyPress';

export interface OnScreenKeyboardProps {
  /** The kind of field typed into: picks the keys (letters, e-mail row, number pad, …). */
  readonly kind: KeyboardKind;
  /** Called for every key that types or acts; shift and the letter switch stay inside. */
  readonly onKey: (press: OnScreenKeyPress) => void;
  /** Id of the field's label, to name the keyboard should it ever be exposed (see below). */
  readonly labelledBy?: string;
}

/** The keyboard's own state, remembered for one language and kind (a new field starts afresh). */
interface KeyboardState {
  readonly for: string;
  readonly script: KeyboardScript;
  readonly shift: boolean;
}

/**
 * Keys for touch users. The whole keyboard is hidden from assistive technology and its keys take
 * no focus: someone who cannot see or touch the screen types on the terminal's physical keyboard
 * or tactile keypad straight into the field, and the read-aloud speaks what has focus, so the
 * keys would only be a long detour (and must never speak a password's letters). It is drawn again
 * only when its own props change: a letter typed into the field does not rebuild the keys.
 */
export const OnScreenKeyboard = memo(function OnScreenKeyboard({ kind, onKey, labelledBy }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const context = `${language} ${kind}`;
  const [saved, setSaved] = useState<KeyboardState | null>(null);
  const state: KeyboardState = saved?.for === context ? saved : { for: context, script: initialScript(language, kind), shift: false };
  const update = (change: Partial<Omit<KeyboardState, 'for'>>) => {
    setSaved({ ...state, ...change });
  };

  const script = hasLatinSwitch(language, kind) ? state.script : 'own';
  const shiftable = hasShift(language, kind, script);
  const shifted = shiftable && state.shift;
  const rows = keyboardRows(language, kind, shifted ? 'shift' : 'default', script);

  const press = (key: string) => {
    switch (key) {
      case '{shift}':
        update({ shift: !state.shift });
        return;
      case '{latin}':
        update({ script: script === 'latin' ? 'own' : 'latin', shift: false });
        return;
      case '{bksp}':
        onKey({ special: 'backspace' });
        return;
      case '{enter}':
        onKey({ special: 'enter' });
        return;
      case '{hide}':
        onKey({ special: 'hide' });
        return;
      case '{space}':
        onKey({ text: ' ' });
        break;
      default:
        onKey({ text: key });
    }
    // Shift is one-shot, as on phones: the next letter is small again.
    if (state.shift) update({ shift: false });
  };

  return (
    <div
      className={`on-screen-keyboard on-screen-keyboard--${kind}`}
      aria-hidden="true"
      role={labelledBy === undefined ? undefined : 'group'}
      aria-labelledby={labelledBy}
      // Key positions follow the hardware keyboard, which is not mirrored in Arabic or Persian.
      dir="ltr"
      data-kind={kind}
      data-script={script}
      data-shift={shifted ? 'on' : 'off'}
    >
      <Keyboard
        layout={{ default: rows.map((row) => row.join(' ')) }}
        layoutName="default"
        display={{
          '{bksp}': t('keyboard.onScreen.delete'),
          '{enter}': t('keyboard.onScreen.enter'),
          '{space}': t('keyboard.onScreen.space'),
          '{shift}': t('keyboard.onScreen.shift'),
          '{latin}': script === 'latin' ? t('keyboard.onScreen.ownLetters') : t('keyboard.onScreen.latin'),
          '{hide}': t('keyboard.onScreen.hide'),
        }}
        buttonTheme={shifted ? [{ class: 'on-screen-keyboard__key--on', buttons: '{shift}' }] : []}
        onKeyPress={press}
        // The field keeps focus (and its caret) while keys are touched.
        preventMouseDownDefault
        physicalKeyboardHighlight={false}
        disableButtonHold
      />
    </div>
  );
});
