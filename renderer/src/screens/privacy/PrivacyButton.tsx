import { useRef } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { usePrivacyStore } from '../../state/privacyStore';
import { PrivacyScreen } from './PrivacyScreen';

/** A shield with a tick: "your data is safe here", recognisable without reading. */
function ShieldIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path d="M12 2.5l8 3v6c0 5-3.4 8.6-8 10-4.6-1.4-8-5-8-10v-6z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M8.5 12l2.5 2.5 4.5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * "Datenschutz" in the help bar, so it is on every citizen screen (attract and end included); it
 * opens the privacy screen over the screen the citizen is on.
 */
export function PrivacyButton() {
  const { t } = useTranslation();
  const open = usePrivacyStore((s) => s.open);
  const show = usePrivacyStore((s) => s.show);
  const hide = usePrivacyStore((s) => s.hide);
  const button = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    // The dialog has to be gone before its opener can take the focus back (until then the page is inert).
    flushSync(hide);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className="button button--privacy button--icon-label" data-action="open-privacy" aria-haspopup="dialog" onClick={show}>
        <ShieldIcon />
        <span>{t('privacy.open')}</span>
      </button>
      {open && <PrivacyScreen onClose={close} />}
    </>
  );
}
