import { useTranslation } from 'react-i18next';
import { AccessibilityButton } from '../../accessibility/AccessibilityButton';
import { afterNextPaint } from '../../components/afterNextPaint';
import { LanguagePicker } from '../../components/LanguagePicker';
import { invoke } from '../../kiosk/invoke';
import { usePortalStore } from '../../state/portalStore';

type Command = 'home' | 'back' | 'reload' | 'close';

/**
 * Sends a toolbar command to the host once the tap is on screen: navigating, closing or printing
 * the portal page is heavy work for the host and the browser, which would hold up the tap's frame.
 */
function afterTap(work: () => void): () => void {
  return () => {
    afterNextPaint(work);
  };
}

function useCommand(): (command: Command) => () => void {
  const setView = usePortalStore((s) => s.setView);
  return (command) =>
    afterTap(() => {
      void invoke('portal.command', { command }).then((view) => {
        if (view !== null) setView(view);
      });
    });
}

/**
 * The kiosk's own bar above every online service, always visible: all services, the service's
 * start page, back, print, help, display settings, language and end. The portal page never covers it.
 */
export function PortalToolbar(props: { readonly onHelp: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const view = usePortalStore((s) => s.view);
  const setView = usePortalStore((s) => s.setView);
  const covered = view !== null && (view.blocked !== null || view.error !== null);
  return (
    <header className="top-bar portal-toolbar">
      <nav className="portal-toolbar__nav" aria-label={t('portal.toolbar.label')}>
        <button type="button" className="button button--secondary" data-action="portal-services" onClick={command('close')}>
          {t('portal.toolbar.services')}
        </button>
        <button type="button" className="button button--secondary" data-action="portal-home" onClick={command('home')}>
          {t('portal.toolbar.home')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-action={covered ? undefined : 'back'}
          data-portal-action="back"
          disabled={!covered && view?.canGoBack !== true}
          onClick={command('back')}
        >
          {t('portal.toolbar.back')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-action="portal-print"
          disabled={covered || view?.print.status === 'printing'}
          onClick={afterTap(() => {
            void invoke('portal.print', { what: 'page' }).then((next) => {
              if (next !== null) setView(next);
            });
          })}
        >
          {t('portal.toolbar.print')}
        </button>
        <button type="button" className="button button--secondary" data-action="portal-help" aria-haspopup="dialog" onClick={props.onHelp}>
          {t('portal.toolbar.help')}
        </button>
      </nav>
      <AccessibilityButton className="portal-toolbar__settings" />
      <LanguagePicker />
      <button
        type="button"
        className="button button--end"
        data-action="end-session"
        onClick={afterTap(() => {
          void invoke('session.end', {});
        })}
      >
        {t('session.end')}
      </button>
    </header>
  );
}
