import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../kiosk/invoke';
import { speak } from '../speech/speech';
import { useHelpCallStore } from './helpStore';

/**
 * Where the open call stands, beside the help button: a line in the page, not a dialog, so the
 * citizen can go on meanwhile (and a portal page stays usable). It stays calm when the call
 * escalates: the citizen needs no alarm, staff get the louder signal.
 */
export function HelpStatus() {
  const { t } = useTranslation();
  const status = useHelpCallStore((s) => s.view.status);
  const setView = useHelpCallStore((s) => s.setView);
  const text = status === 'acknowledged' ? t('help.acknowledged') : t('help.requested');

  useEffect(() => {
    if (status !== 'clear') speak(text);
  }, [status, text]);

  if (status === 'clear') return null;
  return (
    <div className="help-status" data-screen="help-status" data-help-status={status}>
      <span className="help-status__mark" aria-hidden="true" />
      <div className="help-status__text">
        <p role="status" className="help-status__state">
          {text}
        </p>
        <p className="help-status__hint">{t('help.keepGoing')}</p>
      </div>
      <button
        type="button"
        className="button button--secondary help-status__cancel"
        data-action="cancel-help"
        onClick={() => {
          void invoke('help.cancel', {}).then((view) => {
            if (view !== null) setView(view);
          });
        }}
      >
        {t('help.cancel')}
      </button>
    </div>
  );
}
