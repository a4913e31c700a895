import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../../components/KioskDialog';
import { readScreenAgain } from '../../speech/speech';
import { useTerminalStore } from '../../state/terminalStore';
import { BackArrow } from '../info/InfoLayout';

/** The name of the place when the config gives none (it always does; this only satisfies the types). */
const defaultSite = 'Bürgerservice';

interface Part {
  readonly id: string;
  readonly title: string;
  readonly texts: readonly string[];
}

/**
 * What this terminal does with what a citizen does on it, in plain words: nothing is kept. A
 * dialog over whatever screen the citizen is on, so "back" brings them to exactly where they were
 * (a half-typed search, an open portal page) and opening it on the attract screen starts no
 * session, like the display settings and the help question there.
 */
export function PrivacyScreen({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const terminal = useTerminalStore((s) => s.bootstrap?.terminal);
  const session = useTerminalStore((s) => s.bootstrap?.session);
  // The session ends after the idle time plus the warning's countdown; rounded up, so "at the latest" holds.
  const minutes = session === undefined ? 1 : Math.max(1, Math.ceil((session.idleTimeoutSeconds + session.warningSeconds) / 60));
  // Isolated: the place is written in German, inside a sentence that may run right to left.
  const site = `\u2068${terminal?.site ?? defaultSite}\u2069`;
  const parts: readonly Part[] = [
    { id: 'deleted', title: t('privacy.deleted.title'), texts: [t('privacy.deleted.text', { count: minutes }), t('privacy.deleted.copies')] },
    { id: 'log', title: t('privacy.log.title'), texts: [t('privacy.log.text')] },
    { id: 'help', title: t('privacy.help.title'), texts: [t('privacy.help.text')] },
    {
      id: 'camera',
      title: t('privacy.camera.title'),
      // Only a workstation's online services can be allowed the camera (a tile's permissions).
      texts: terminal?.role === 'workstation' ? [t('privacy.camera.text'), t('privacy.camera.portal')] : [t('privacy.camera.text')],
    },
    { id: 'responsible', title: t('privacy.responsible.title'), texts: [t('privacy.responsible.text', { site })] },
    { id: 'questions', title: t('privacy.questions.title'), texts: [t('privacy.questions.text')] },
  ];
  const spoken = [`${t('privacy.title')}.`, t('privacy.lead'), ...parts.map((part) => `${part.title}. ${part.texts.join(' ')}`)].join(' ');

  useEffect(() => {
    readScreenAgain();
  }, [spoken]);

  return (
    <KioskDialog screen="privacy" title={t('privacy.title')} className="privacy" onCancel={onClose}>
      <p className="privacy__lead" data-read-aloud={spoken}>
        {t('privacy.lead')}
      </p>
      <div className="privacy__parts">
        {parts.map((part) => (
          // Keys and the tactile keypad move the focus, not the scroll position: each part takes the
          // focus, so at 200 % text the dialog scrolls to it (and read-aloud says it).
          <section key={part.id} className="privacy__part" data-privacy-part={part.id} aria-labelledby={`privacy-${part.id}`} tabIndex={0}>
            <h3 id={`privacy-${part.id}`}>{part.title}</h3>
            {part.texts.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </section>
        ))}
      </div>
      <div className="privacy__actions">
        <button type="button" className="button button--primary button--icon-label" data-action="close-privacy" onClick={onClose}>
          <BackArrow />
          <span>{t('privacy.back')}</span>
        </button>
      </div>
    </KioskDialog>
  );
}
