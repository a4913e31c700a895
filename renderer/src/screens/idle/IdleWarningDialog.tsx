import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityButton } from '../../accessibility/AccessibilityButton';
import { LanguagePicker } from '../../components/LanguagePicker';
import { KioskDialog } from '../../components/KioskDialog';
import { invoke } from '../../kiosk/invoke';
import { speak } from '../../speech/speech';
import { useCountdown } from './useCountdown';

/** The idle warning: a modal countdown with "more time" (usable again and again) and "end now". */
export function IdleWarningDialog({ endsAt }: { readonly endsAt: number }) {
  const { t } = useTranslation();
  const seconds = useCountdown(endsAt);
  const moreTime = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    moreTime.current?.focus();
    // After the focus, so the warning itself is what is heard first.
    speak(`${t('idle.title')} ${t('idle.text', { count: Math.ceil((endsAt - Date.now()) / 1000) })}`);
    // Only when the warning opens, not at every tick of the countdown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    // Escape means "I am here": it gives more time.
    <KioskDialog
      screen="idle-warning"
      title={t('idle.title')}
      className="idle-warning"
      describedBy="idle-warning-text"
      onCancel={() => void invoke('session.extend', {})}
    >
      <p className="idle-warning__count" aria-hidden="true" data-countdown={seconds}>
        {seconds}
      </p>
      <p id="idle-warning-text">{t('idle.text', { count: seconds })}</p>
      <LanguagePicker variant="large" />
      <AccessibilityButton className="idle-warning__settings" />
      <div className="idle-warning__actions">
        <button ref={moreTime} type="button" className="button button--primary" data-action="more-time" onClick={() => void invoke('session.extend', {})}>
          {t('idle.moreTime')}
        </button>
        <button type="button" className="button button--secondary" data-action="end-now" onClick={() => void invoke('session.end', {})}>
          {t('idle.endNow')}
        </button>
      </div>
    </KioskDialog>
  );
}
