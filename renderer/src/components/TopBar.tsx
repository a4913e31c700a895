import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../kiosk/invoke';
import { useTerminalStore } from '../state/terminalStore';
import { AccessibilityButton } from '../accessibility/AccessibilityButton';
import { afterNextPaint } from './afterNextPaint';
import { LanguagePicker } from './LanguagePicker';

/**
 * The bar on every session screen: where you are, the language switch and the end button. It has
 * no props, so it is drawn again only when its own state changes, not with every change below it.
 */
export const TopBar = memo(function TopBar() {
  const { t } = useTranslation();
  const bootstrap = useTerminalStore((s) => s.bootstrap);
  if (bootstrap === null) return null;
  return (
    <header className="top-bar">
      <div className="top-bar__place">
        <span className="top-bar__site">{bootstrap.terminal.site}</span>
        <span className="top-bar__role">{t(`roles.${bootstrap.terminal.role}`)}</span>
      </div>
      <AccessibilityButton />
      <LanguagePicker />
      <button
        type="button"
        className="button button--end"
        data-action="end-session"
        onClick={() => {
          // The reset is work for the host and the browser (a workstation closes its portal): the tap is on screen first.
          afterNextPaint(() => {
            void invoke('session.end', {});
          });
        }}
      >
        {t('session.end')}
      </button>
    </header>
  );
});
