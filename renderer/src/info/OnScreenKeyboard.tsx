import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import arabic from 'simple-keyboard-layouts/build/layouts/arabic';
import english from 'simple-keyboard-layouts/build/layouts/english';
import farsi from 'simple-keyboard-layouts/build/layouts/farsi';
import german from 'simple-keyboard-layouts/build/layouts/german';
import russian from 'simple-keyboard-layouts/build/layouts/russian';
import turkish from 'simple-keyboard-layouts/build/layouts/turkish';
import ukrainian from 'simple-keyboard-layouts/build/layouts/ukrainian';
import type { UiLanguage } from '../../../shared/i18n/languages';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';

/** The keyboard layout of each UI language (Leichte Sprache types German). */
const layouts: Readonly<Record<UiLanguage, { readonly layout: Record<string, string[]> }>> = {
  de: german,
  'de-x-ls': german,
  en: english,
  ar: arabic,
  uk: ukrainian,
  ru: russian,
  tr: turkish,
  fa: farsi,
};

/**
 * A search needs letters, digits, space and delete: the layout's other keys (tab, enter, shift,
 * punctuation, ".com") only distract, so they are left out.
 */
function searchRows(rows: readonly string[]): string[] {
  return rows
    .map((row) =>
      row
        .split(' ')
        .filter((key) => key !== '' && !key.startsWith('{') && key.length === 1 && /[\p{L}\p{N}]/u.test(key))
        .join(' '),
    )
    .filter((row) => row !== '')
    .concat(['{latin} {space} {bksp}']);
}

/** Letters for touch users; the terminal's physical keyboard types into the field as usual. */
export function OnScreenKeyboard({ value, onChange }: { readonly value: string; readonly onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  // Names of German services can be typed on any language's screen.
  const [latin, setLatin] = useState(false);
  const own = layouts[language];
  const current = latin ? german : own;
  const rows = searchRows(current.layout.default ?? []);
  const canSwitch = own !== german;
  return (
    <div className="on-screen-keyboard" aria-hidden="true" dir={latin ? 'ltr' : undefined}>
      <Keyboard
        layout={{ default: canSwitch ? rows : rows.map((row) => row.replace('{latin} ', '')) }}
        display={{ '{space}': t('info.search.space'), '{bksp}': t('info.search.delete'), '{latin}': latin ? t('info.search.ownLetters') : 'ABC' }}
        onKeyPress={(key) => {
          if (key === '{latin}') setLatin((on) => !on);
          else if (key === '{bksp}') onChange(value.slice(0, -1));
          else if (key === '{space}') onChange(`${value} `);
          else onChange(value + key);
        }}
        preventMouseDownDefault
        physicalKeyboardHighlight={false}
        disableButtonHold
      />
    </div>
  );
}
