import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultKeyMap } from '#shared/config/keypadConfig';
import { KioskDialog } from '../components/KioskDialog';
import { useEffectiveLanguage } from '../i18n/useEffectiveLanguage';
import { readScreenAgain } from '../speech/speech';
import { useKeyHelpStore } from '../state/keyHelpStore';
import { useTerminalStore } from '../state/terminalStore';
import { keyHelpRows, type KeyLabel } from './keyHelpRows';
import { languageInfo } from '#shared/i18n/languages';

/** Which keys do what on this terminal (keyboard and tactile keypad); read aloud when it opens. */
export function KeyHelpDialog() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const keys = useTerminalStore((s) => s.bootstrap?.keys ?? defaultKeyMap);
  const workstation = useTerminalStore((s) => s.bootstrap?.terminal.role === 'workstation');
  const hide = useKeyHelpStore((s) => s.hide);
  const rows = keyHelpRows(keys, languageInfo[language].dir);
  const list = new Intl.ListFormat(language === 'de-x-ls' ? 'de' : language, { type: 'disjunction' });
  const keyText = (key: KeyLabel): string => ('name' in key ? t(`keys.names.${key.name}`) : key.label);
  const spoken = [
    t('keys.intro'),
    ...rows.map((row) => `${list.format(row.keys.map(keyText))}: ${t(`keys.actions.${row.command}`)}.`),
    ...(workstation ? [t('keys.portal')] : []),
  ].join(' ');

  useEffect(() => {
    readScreenAgain();
  }, [spoken]);

  return (
    <KioskDialog screen="key-help" title={t('keys.title')} className="key-help" onCancel={hide}>
      <p data-read-aloud={`${t('keys.title')}. ${spoken}`}>{t('keys.intro')}</p>
      <dl className="key-help__list">
        {rows.map((row) => (
          <div key={row.command} className="key-help__row" data-command={row.command}>
            <dt>
              {row.keys.map((key) => (
                <kbd key={keyText(key)} className="key-help__key">
                  {keyText(key)}
                </kbd>
              ))}
            </dt>
            <dd>{t(`keys.actions.${row.command}`)}</dd>
          </div>
        ))}
      </dl>
      {workstation && <p className="key-help__portal">{t('keys.portal')}</p>}
      <button type="button" className="button button--primary" data-action="close-key-help" onClick={hide}>
        {t('keys.close')}
      </button>
    </KioskDialog>
  );
}
