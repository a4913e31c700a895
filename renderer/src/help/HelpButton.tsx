import { useTranslation } from 'react-i18next';
import { afterNextPaint } from '../components/afterNextPaint';
import { speak } from '../speech/speech';
import { currentScreenId } from './currentScreen';
import { useHelpCallStore, useHelpConfirmStore } from './helpStore';

/** A service bell: "call someone", recognisable without reading. */
function BellIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path
        d="M4 17h16M6 17a6 6 0 0 1 12 0M12 8V6M10 6h4M3 20h18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * "Call for help", in the same place on every screen (WCAG 3.2.6). It asks first; while a call is
 * open it says again where the call stands (the state is shown beside it) instead of calling twice.
 */
export function HelpButton() {
  const { t } = useTranslation();
  const status = useHelpCallStore((s) => s.view.status);
  const ask = useHelpConfirmStore((s) => s.ask);
  return (
    <button
      type="button"
      className="button button--help button--icon-label"
      data-action="call-help"
      aria-haspopup={status === 'clear' ? 'dialog' : undefined}
      onClick={() => {
        if (status === 'clear') {
          // The question is a modal dialog (the rest of the page turns inert): the tap is on screen first.
          const screen = currentScreenId(document);
          afterNextPaint(() => {
            ask(screen);
          });
        } else speak(status === 'acknowledged' ? t('help.acknowledged') : t('help.requested'));
      }}
    >
      <BellIcon />
      <span>{t('help.button')}</span>
    </button>
  );
}
