import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { speak } from '../speech/speech';
import { useNoticeStore } from '../state/noticeStore';

const visibleMs = 6000;

/** A calm, short-lived message when an action did not work. */
export function ErrorNotice() {
  const { t } = useTranslation();
  const error = useNoticeStore((s) => s.error);
  const clear = useNoticeStore((s) => s.clear);
  useEffect(() => {
    if (error === null) return;
    speak(t(`errors.${error}`));
    const timer = window.setTimeout(clear, visibleMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [error, clear, t]);
  return (
    <div className="error-notice" role="alert" data-error={error ?? undefined}>
      {error !== null && <p>{t(`errors.${error}`)}</p>}
    </div>
  );
}
